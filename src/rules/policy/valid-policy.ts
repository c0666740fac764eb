// mesh.yaml and domain.yaml `policy:` blocks must use the policy vocabulary correctly: a typo in a
// policy file would otherwise switch a rule off silently.
import type { MeshRule } from '../rule.js';

export const rule: MeshRule = {
  id: 'policy/valid-policy',
  severity: 'error',
  scope: 'mesh',
  summary: 'mesh.yaml and domain.yaml policy blocks use the documented vocabulary (keys, levels, durations, regexes, rule ids).',
  fix: 'Correct the policy entry; docs/policy.md lists the vocabulary.',
  docs: {
    fail: {
      'contracts/sales/domain.yaml': `apiVersion: mesh/v1
kind: Domain
name: sales
description: Orders and their lines, from checkout to invoice.
team: "@acme/sales-data"
tier: 3
support: [{ channel: "#sales-data", tool: slack }]
policy:
  personalData:
    minimumClassification: secret
  rules:
    naming/property-case: error
`,
    },
    pass: {
      'contracts/sales/domain.yaml': `apiVersion: mesh/v1
kind: Domain
name: sales
description: Orders and their lines, from checkout to invoice.
team: "@acme/sales-data"
tier: 3
support: [{ channel: "#sales-data", tool: slack }]
policy:
  personalData:
    minimumClassification: restricted
  rules:
    naming/property-name: error
`,
    },
  },
  check(ctx) {
    for (const { doc, problem } of ctx.policies.problems) {
      if (problem.kind === 'invalid') ctx.report({ doc, path: problem.path, message: problem.message, ...(problem.fix ? { fix: problem.fix } : {}) });
    }
  },
};
