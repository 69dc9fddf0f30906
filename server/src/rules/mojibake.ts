// mojibake: UTF-8 text that was decoded through a legacy code page ("âœ…" for "✅").
import type { Finding, Fix } from '../core/types';
import { describeCodePoint, type MojibakeRun } from '../encoding';
import type { Rule } from './rule';

const MAX_SUGGESTIONS = 3;

function names(text: string): string {
  return [...text].map((c) => describeCodePoint(c.codePointAt(0)!)).join(', ');
}

function hex(bytes: number[]): string {
  return bytes.map((b) => b.toString(16).toUpperCase().padStart(2, '0')).join(' ');
}

function replace(run: MojibakeRun, newText: string, preferred: boolean): Fix {
  return {
    title: `Replace "${run.text}" with "${newText}"`,
    edits: [{ start: run.start, end: run.end, newText }],
    isPreferred: preferred,
  };
}

function hover(run: MojibakeRun): string {
  const lines = [
    `**Mojibake**: \`${run.text}\` is UTF-8 decoded as ${run.decoder}.`,
    '',
    `- Bytes recovered: \`${hex(run.bytes)}\``,
  ];
  if (run.droppedBytes > 0) lines.push(`- Bytes lost on the way: ${run.droppedBytes} (the code page has no character for them)`);
  lines.push(run.certain ? `- It was: ${run.candidates[0].text} (${run.candidates[0].codePoints})` : '- It was one of:');
  if (!run.certain) {
    for (const c of run.candidates.slice(0, MAX_SUGGESTIONS)) lines.push(`  - ${c.text} (${c.codePoints})`);
  }
  return lines.join('\n');
}

export const mojibake: Rule = {
  meta: {
    id: 'mojibake',
    category: 'encoding',
    defaultSeverity: 'error',
    description: 'Text that is UTF-8 decoded through a legacy code page (mojibake), with its exact repair.',
    appliesTo: 'all',
  },
  check(model) {
    return model.mojibake.map((run): Finding => {
      const best = run.candidates[0];
      if (run.certain) {
        return {
          ruleId: 'mojibake',
          span: { start: run.start, end: run.end },
          message: `Mojibake: "${run.text}" is "${best.text}" (${names(best.text)}) decoded as ${run.decoder}.`,
          hover: hover(run),
          fix: replace(run, best.text, true),
        };
      }
      const options = run.candidates.slice(0, MAX_SUGGESTIONS);
      return {
        ruleId: 'mojibake',
        span: { start: run.start, end: run.end },
        message:
          `Mojibake: "${run.text}" is UTF-8 decoded as ${run.decoder}, with ${run.droppedBytes} byte(s) lost; ` +
          `it was one of ${options.map((c) => `"${c.text}"`).join(', ')}. Not repaired automatically: choose one.`,
        hover: hover(run),
        suggestions: options.map((c) => replace(run, c.text, false)),
      };
    });
  },
};
