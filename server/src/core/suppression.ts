// Inline suppression, as markdownlint users write it:
//   <!-- readiness-lint-disable [rule ...] -->        from here on
//   <!-- readiness-lint-enable [rule ...] -->         from here on
//   <!-- readiness-lint-disable-next-line [rule ...] -->
//   <!-- readiness-lint-disable-line [rule ...] -->
//   <!-- readiness-lint-disable-file [rule ...] -->
// No rule ids means every rule.
import type { Span } from './types';
import type { LineIndex } from '../model/lines';

const DIRECTIVE = /^<!--\s*readiness-lint-(disable-next-line|disable-line|disable-file|disable|enable)\b([^]*?)-->$/;
const ALL = '*';

interface Directive {
  kind: string;
  rules: string[];
  line: number;
  offset: number;
}

export class Suppressions {
  private readonly directives: Directive[] = [];

  constructor(text: string, comments: Span[], lines: LineIndex) {
    for (const c of comments) {
      const m = DIRECTIVE.exec(text.slice(c.start, c.end));
      if (!m) continue;
      const ids = m[2].split(/[\s,]+/).filter(Boolean);
      this.directives.push({
        kind: m[1],
        rules: ids.length ? ids : [ALL],
        line: lines.positionAt(c.start).line,
        offset: c.start,
      });
    }
  }

  isSuppressed(ruleId: string, offset: number, line: number): boolean {
    let disabled = false;
    for (const d of this.directives) {
      const applies = d.rules.includes(ALL) || d.rules.includes(ruleId);
      if (!applies) continue;
      switch (d.kind) {
        case 'disable-file':
          return true;
        case 'disable-line':
          if (d.line === line) return true;
          break;
        case 'disable-next-line':
          if (d.line + 1 === line) return true;
          break;
        case 'disable':
          if (d.offset <= offset) disabled = true;
          break;
        case 'enable':
          if (d.offset <= offset) disabled = false;
          break;
      }
    }
    return disabled;
  }
}
