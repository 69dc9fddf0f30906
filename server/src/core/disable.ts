// The "disable this rule here" fixes: they insert suppression comments, never touching other text.
import type { DocumentModel } from '../model/document';
import type { Diagnostic, Fix } from './types';

export function disableForLineFix(model: DocumentModel, d: Diagnostic): Fix {
  const { lines } = model;
  const eol = lines.eol;
  const line = lines.positionAt(d.span.start).line;
  // A comment line inside a table or a fence would break it: wrap the whole block instead.
  const block = model.tables.find((t) => t.span.start <= d.span.start && d.span.start < t.span.end)?.span ??
    model.codeSpans.find((c) => c.start <= d.span.start && d.span.start < c.end && lines.positionAt(c.start).line !== lines.positionAt(c.end).line);
  if (block) {
    const first = lines.positionAt(block.start).line;
    const last = lines.positionAt(block.end).line;
    const indent = /^\s*/.exec(lines.lineText(first))![0];
    return {
      title: `Disable ${d.ruleId} for this ${model.tables.some((t) => t.span === block) ? 'table' : 'block'}`,
      edits: [
        { start: lines.starts[first], end: lines.starts[first], newText: `${indent}<!-- readiness-lint-disable ${d.ruleId} -->${eol}` },
        { start: lines.lineEnd(last), end: lines.lineEnd(last), newText: `${eol}${indent}<!-- readiness-lint-enable ${d.ruleId} -->` },
      ],
    };
  }
  const indent = /^\s*/.exec(lines.lineText(line))![0];
  return {
    title: `Disable ${d.ruleId} for this line`,
    edits: [{ start: lines.starts[line], end: lines.starts[line], newText: `${indent}<!-- readiness-lint-disable-next-line ${d.ruleId} -->${eol}` }],
  };
}

export function disableForFileFix(model: DocumentModel, ruleId: string): Fix {
  // After a leading front matter block, if any, so that it stays first.
  const front = /^---\r?\n[\s\S]*?\r?\n---\r?\n/.exec(model.text);
  const at = front ? front[0].length : 0;
  return {
    title: `Disable ${ruleId} for this file`,
    edits: [{ start: at, end: at, newText: `<!-- readiness-lint-disable-file ${ruleId} -->${model.lines.eol}` }],
  };
}
