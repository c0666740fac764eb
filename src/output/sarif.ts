// SARIF 2.1.0 log for GitHub code scanning and other SARIF consumers.
import type { Finding } from '../finding.js';

const LEVEL = { error: 'error', warning: 'warning', info: 'note' } as const;

export function toSarif(findings: readonly Finding[], toolVersion: string) {
  const ruleIds = [...new Set(findings.map((f) => f.rule))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'mesh-contracts',
            version: toolVersion,
            informationUri: 'https://github.com/acme/mesh-contracts',
            rules: ruleIds.map((id) => ({ id, helpUri: `https://github.com/acme/mesh-contracts/blob/main/docs/rules.md#${id.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}` })),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.rule,
          ruleIndex: ruleIds.indexOf(f.rule),
          level: LEVEL[f.severity],
          message: { text: f.fix ? `${f.message}\nFix: ${f.fix}` : f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.file.split('/').map(encodeURIComponent).join('/') },
                region: { startLine: f.line, startColumn: f.column },
              },
            },
          ],
        })),
      },
    ],
  };
}
