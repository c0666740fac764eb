// Federated governance: domains may add rules and tighten limits, never loosen the global ones.
import type { MeshRule } from '../rule.js';

export const rule: MeshRule = {
  id: 'policy/domain-no-loosening',
  severity: 'error',
  scope: 'mesh',
  summary: "A domain.yaml policy only tightens mesh.yaml: no lower minimum classification, longer retention, weaker floor or lower rule level.",
  fix: 'Remove the override from domain.yaml or make it at least as strict as mesh.yaml.',
  docs: {
    details:
      'The loosening entry is ignored (the global value applies) and reported. Lists (tags, requiredFields, requiredSla) and naming patterns can only be added to, so they cannot loosen.',
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
    maxRetention: P10Y
  tiers:
    "1":
      floors: { availability: 99 }
  rules:
    schema/primary-key-required: off
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
    maxRetention: P1Y
  tiers:
    "1":
      floors: { availability: 99.9 }
  rules:
    naming/property-name: error
`,
    },
  },
  check(ctx) {
    for (const { doc, problem } of ctx.policies.problems) {
      if (problem.kind === 'loosening') ctx.report({ doc, path: problem.path, message: problem.message, ...(problem.fix ? { fix: problem.fix } : {}) });
    }
  },
};
