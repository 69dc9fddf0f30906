// The commands the server executes (workspace/executeCommand). VS Code's language client registers
// each as a VS Code command, so they live under their own prefix: an id the extension registers
// too (its palette commands, contributed in package.json) would make activation fail.
export const SERVER_COMMANDS = {
  fixAll: 'readinessLint.server.fixAll',
  showDocumentation: 'readinessLint.server.showDocumentation',
  effectiveConfiguration: 'readinessLint.server.effectiveConfiguration',
  insertMethodologySection: 'readinessLint.server.insertMethodologySection',
} as const;
