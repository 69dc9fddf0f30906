// What a rule is. One rule lives in one file under server/src/rules/ and is listed in registry.ts;
// its documentation is docs/rules/<id>.md.
import type { ZodType } from 'zod';
import type { ActiveSeverity, Category, Finding } from '../core/types';
import type { DocumentModel } from '../model/document';

export interface RuleMeta {
  /** Stable, public: users' configuration and CI refer to it. */
  id: string;
  category: Category;
  defaultSeverity: ActiveSeverity;
  /** One line, shown in rule lists, SARIF and hovers. */
  description: string;
  /** 'all' runs on every Markdown or text file; 'reports' only on files that look like reports. */
  appliesTo: 'all' | 'reports';
  /**
   * Judges the file's bytes rather than its text. When the bytes are not UTF-8, the text is only
   * some decoding of them (the editor's may differ from the CLI's), so only these rules run.
   */
  readsBytes?: boolean;
}

export interface RuleContext<Options = unknown> {
  /** The rule's options, already validated by its `options` schema (with defaults applied). */
  options: Options;
  /** The file's raw bytes, when the caller read them (the CLI; the server for files on disk). */
  bytes?: Uint8Array;
}

export interface Rule<Options = unknown> {
  meta: RuleMeta;
  /** zod schema of the rule's options in `.readiness-lint.json`; its defaults are the rule's defaults. */
  options?: ZodType<Options>;
  check(model: DocumentModel, context: RuleContext<Options>): Finding[];
}

/** The public link to a rule's documentation page. */
export const DOCS_BASE_URL = 'https://github.com/readiness-lint/readiness-lint/blob/main/docs/rules/';

export function ruleDocsUrl(id: string): string {
  return `${DOCS_BASE_URL}${id}.md`;
}
