// What the CLI hands to every output format. `messages` follow ESLint's JSON format
// (1-based lines and columns, columns in UTF-16 code units), plus `category` and `severityName`.
import type { Category, ActiveSeverity } from '../../core/types';

export interface LintFix {
  /** UTF-16 offsets into the file's text (BOM excluded), as ESLint's `fix.range`. */
  range: [number, number];
  text: string;
}

export interface LintMessage {
  ruleId: string;
  /** ESLint's numbers: 2 error, 1 warning or info (see severityName). */
  severity: 1 | 2;
  severityName: ActiveSeverity;
  category: Category;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  fix?: LintFix;
  suggestions?: { desc: string; fix: LintFix }[];
  /** Evidence elsewhere in the file. */
  related?: { message: string; line: number; column: number; endLine: number; endColumn: number }[];
  /** Problems that are not a rule's finding (unreadable file, invalid configuration) have `fatal: true` and ruleId `fatal`. */
  fatal?: boolean;
}

export interface LintResult {
  /** Absolute path, or '<stdin>' / the --stdin-filename. */
  filePath: string;
  messages: LintMessage[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  fatalErrorCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  /** The file's text as analysed (present when useful to a formatter, e.g. code snippets). */
  source?: string;
  /** With --fix-dry-run: the text after all fixes. */
  output?: string;
}

export interface RuleInfo {
  id: string;
  category: Category;
  description: string;
  defaultSeverity: ActiveSeverity;
  docsUrl: string;
}

export interface FormatContext {
  /** Working directory, for relative paths in human and CI formats. */
  cwd: string;
  color: boolean;
  rules: RuleInfo[];
  toolVersion: string;
}

export type Formatter = (results: LintResult[], context: FormatContext) => string;
