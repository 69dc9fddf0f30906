// Contracts shared by the analysis core, the rules, the CLI and the language server.
// All positions are UTF-16 offsets into the analysed text (BOM already removed),
// so the same finding maps to LSP positions and to CLI line/column the same way.

export type Category = 'claims' | 'arithmetic' | 'encoding' | 'methodology';
export type Severity = 'off' | 'info' | 'warning' | 'error';
export type ActiveSeverity = Exclude<Severity, 'off'>;

export interface Span {
  start: number;
  end: number;
}

export interface TextEdit extends Span {
  newText: string;
}

/** A change a rule proposes. `fix` on a finding is applied by `--fix` and fix-all; suggestions are only offered. */
export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Shown first and marked preferred in the editor. */
  isPreferred?: boolean;
}

export interface RelatedLocation {
  span: Span;
  message: string;
}

export interface Finding {
  ruleId: string;
  span: Span;
  /** One line that states the evidence, e.g. "50,000 requests / 1,920 s = 26 req/s; stated 1,234 req/s". */
  message: string;
  /** Overrides the rule's default severity for this one finding (before configuration applies). */
  severity?: ActiveSeverity;
  related?: RelatedLocation[];
  /** Applied by --fix and fix-all: only when the right text is certain. */
  fix?: Fix;
  /** Alternatives offered as code actions only, best first. */
  suggestions?: Fix[];
  /** Markdown shown on hover: the evidence chain in full. Defaults to the message. */
  hover?: string;
}

/** A finding after configuration: severity resolved, suppressions applied. */
export interface Diagnostic extends Finding {
  severity: ActiveSeverity;
  category: Category;
}
