// The one schema for configuration: `.readiness-lint.json` files and the editor's `readinessLint.*`
// settings are both parsed by it, and the JSON Schema contributed to VS Code is generated from it.
import { z } from 'zod';
import { rules } from '../rules/registry';

export const severitySchema = z
  .enum(['off', 'info', 'warning', 'error'])
  .describe('How a rule reports: "off" disables it.');

function ruleSettingSchema(options: z.ZodType | undefined) {
  const detailed = z.strictObject({
    severity: severitySchema.optional(),
    ...(options ? { options } : {}),
  });
  return z.union([severitySchema, detailed]);
}

const ruleSettings = z
  .strictObject(
    Object.fromEntries(
      rules.map((r) => [r.meta.id, ruleSettingSchema(r.options).optional().describe(`${r.meta.description} (${r.meta.category})`)]),
    ),
  )
  .describe('Severity, and options where a rule has them, per rule id.');

/** Settings that a config file, the editor settings and the CLI flags can all set. */
export const settingsShape = {
  rules: ruleSettings.optional(),
  reports: z
    .enum(['auto', 'always', 'never'])
    .optional()
    .describe(
      'Which files get the report checks (claims, arithmetic, methodology): "auto" those that look like reports ' +
        '(measured figures and verdicts) or match `include`; "always" every file; "never" none. Encoding checks run on every file.',
    ),
  include: z
    .array(z.string().min(1))
    .optional()
    .describe('Globs (relative to this file) of files that are always treated as reports.'),
  ignore: z
    .array(z.string().min(1))
    .optional()
    .describe('Globs (relative to this file) of files that are not checked at all.'),
  maxFileSize: z
    .number()
    .int()
    .positive()
    .optional()
    .describe('Files larger than this many bytes are skipped with one notice instead of analysed.'),
};

export const settingsSchema = z.strictObject(settingsShape);

export const configFileSchema = z
  .strictObject({
    $schema: z.string().optional().describe('The JSON Schema of this file, for editors.'),
    root: z
      .boolean()
      .optional()
      .describe('Stop looking for .readiness-lint.json files in parent folders.'),
    extends: z
      .union([z.string().min(1), z.array(z.string().min(1))])
      .optional()
      .describe('Paths (relative to this file) of configuration files this one builds on; this file overrides them.'),
    ...settingsShape,
  })
  .describe('readiness-lint configuration');

export type Settings = z.infer<typeof settingsSchema>;
export type ConfigFile = z.infer<typeof configFileSchema>;
export type SeverityName = z.infer<typeof severitySchema>;

/** The JSON Schema for `.readiness-lint.json`, contributed to VS Code through `jsonValidation`. */
export function configJsonSchema(): object {
  return z.toJSONSchema(configFileSchema, { target: 'draft-7', io: 'input', unrepresentable: 'any' });
}
