// SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it: one run, every rule described,
// one result per finding, paths relative to %SRCROOT% (the working directory).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { ArtifactLocation, Fix, Log, Notification, Region, ReportingDescriptor, Result } from 'sarif';
import type { ActiveSeverity } from '../../core/types';
import { displayPath } from './paths';
import type { Formatter, LintFix, LintMessage } from './types';

const INFORMATION_URI = 'https://github.com/readiness-lint/readiness-lint';
const SRCROOT = '%SRCROOT%';

const LEVEL: Record<ActiveSeverity, Result.level> = { error: 'error', warning: 'warning', info: 'note' };

type Span = Pick<LintMessage, 'line' | 'column' | 'endLine' | 'endColumn'>;

// LintMessage columns are 1-based UTF-16 code units, which is what SARIF's default
// columnKind "utf16CodeUnits" means: they pass through unchanged.
const region = (s: Span): Region => ({ startLine: s.line, startColumn: s.column, endLine: s.endLine, endColumn: s.endColumn });

/** Files under the working directory are relative to %SRCROOT%, so the log is portable; others stay absolute. */
function uriOf(filePath: string, cwd: string): ArtifactLocation {
  const relative = displayPath(filePath, cwd);
  if (path.isAbsolute(relative) || relative === '..' || relative.startsWith('../')) return { uri: pathToFileURL(filePath).href };
  return { uri: relative.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

// charOffset/charLength count characters of the decoded text (BOM excluded), in the run's UTF-16 units: as LintFix.range.
const sarifFix = (fix: LintFix, artifactLocation: ArtifactLocation, description?: string): Fix => ({
  ...(description ? { description: { text: description } } : {}),
  artifactChanges: [
    {
      artifactLocation,
      replacements: [{ deletedRegion: { charOffset: fix.range[0], charLength: fix.range[1] - fix.range[0] }, insertedContent: { text: fix.text } }],
    },
  ],
});

export const sarif: Formatter = (results, context) => {
  const rules: ReportingDescriptor[] = context.rules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    // GitHub code scanning requires fullDescription and help; the rule's page holds the long form.
    fullDescription: { text: r.description },
    help: { text: `${r.description} Documentation: ${r.docsUrl}`, markdown: `${r.description}\n\n[Documentation](${r.docsUrl})` },
    helpUri: r.docsUrl,
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { category: r.category, tags: [r.category] },
  }));
  const ruleIndex = new Map(context.rules.map((r, i) => [r.id, i]));

  const sarifResults: Result[] = [];
  const notifications: Notification[] = [];
  const artifacts = results.map((result, index) => {
    const location = uriOf(result.filePath, context.cwd);
    const artifactLocation = { ...location, index };
    for (const m of result.messages) {
      const locations = [{ physicalLocation: { artifactLocation, region: region(m) } }];
      const rule = ruleIndex.get(m.ruleId);
      // Messages that are no rule's finding (an unreadable file, a file skipped for its size) are about the run, not the text.
      if (m.fatal || rule === undefined) {
        notifications.push({ level: m.fatal ? 'error' : LEVEL[m.severityName], message: { text: m.message }, locations });
        continue;
      }
      const fixes = [
        ...(m.fix ? [sarifFix(m.fix, artifactLocation)] : []),
        ...(m.suggestions ?? []).map((s) => sarifFix(s.fix, artifactLocation, s.desc)),
      ];
      sarifResults.push({
        ruleId: m.ruleId,
        ruleIndex: rule,
        level: LEVEL[m.severityName],
        message: { text: m.message },
        locations,
        ...(m.related?.length
          ? {
              relatedLocations: m.related.map((r, i) => ({
                id: i + 1,
                physicalLocation: { artifactLocation, region: region(r) },
                message: { text: r.message },
              })),
            }
          : {}),
        ...(fixes.length ? { fixes } : {}),
      });
    }
    return { location, roles: ['analysisTarget' as const] };
  });

  const root = pathToFileURL(context.cwd).href;
  const log: Log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: { name: 'readiness-lint', informationUri: INFORMATION_URI, semanticVersion: context.toolVersion, rules },
        },
        invocations: [
          {
            executionSuccessful: !results.some((r) => r.messages.some((m) => m.fatal)),
            ...(notifications.length ? { toolExecutionNotifications: notifications } : {}),
          },
        ],
        // A base URI must end in '/' for relative references to resolve under it.
        originalUriBaseIds: { [SRCROOT]: { uri: root.endsWith('/') ? root : `${root}/` } },
        artifacts,
        // Spelled out although it is the default: this is what makes the columns above right.
        columnKind: 'utf16CodeUnits',
        results: sarifResults,
      },
    ],
  };
  return JSON.stringify(log, null, 2);
};
