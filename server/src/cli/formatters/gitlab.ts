// GitLab Code Quality report (the artifact `reports: codequality` reads): one issue per message.
import { createHash } from 'node:crypto';
import type { ActiveSeverity } from '../../core/types';
import { displayPath } from './paths';
import type { Formatter } from './types';

const SEVERITY: Record<ActiveSeverity, string> = { error: 'major', warning: 'minor', info: 'info' };

// GitLab compares fingerprints between branches to tell new issues from fixed ones, so a fingerprint
// depends on the finding alone. NUL separates the fields unambiguously.
const sha256 = (fields: (string | number)[]) => createHash('sha256').update(fields.join('\0')).digest('hex');

export const gitlab: Formatter = (results, context) => {
  // The same message twice on one line would collide, and GitLab would show one issue: number the repeats.
  const seen = new Map<string, number>();
  const fingerprint = (...fields: (string | number)[]) => {
    const key = sha256(fields);
    const repeat = seen.get(key) ?? 0;
    seen.set(key, repeat + 1);
    return repeat ? sha256([...fields, repeat]) : key;
  };
  return JSON.stringify(
    results.flatMap((r) => {
      const file = displayPath(r.filePath, context.cwd);
      return r.messages.map((m) => ({
        description: m.message,
        check_name: m.ruleId,
        fingerprint: fingerprint(file, m.ruleId, m.line, m.message),
        severity: SEVERITY[m.severityName],
        location: { path: file, lines: { begin: m.line } },
      }));
    }),
  );
};
