// Classifications come from mesh.yaml's taxonomy, so "confidental" or "secret" cannot slip through.
import { suggest } from '../../odcs/schema-messages.js';
import { allProperties } from '../contract-schema.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';

export const rule: ContractRule = {
  id: 'policy/classification-taxonomy',
  severity: 'error',
  scope: 'contract',
  summary: 'Every `classification` is a level of the mesh.yaml taxonomy (`classification.levels`).',
  fix: 'Use one of the levels listed in mesh.yaml classification.levels.',
  docs: {
    fail: exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true, classification: internl }
`),
    pass: exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true, classification: internal }
`),
  },
  check(ctx) {
    const levels = ctx.policy.classification.levels;
    if (levels.length === 0) return;
    for (const site of allProperties(ctx.contract)) {
      const value = site.property.classification;
      if (typeof value !== 'string' || levels.includes(value)) continue;
      const guess = suggest(value, levels);
      ctx.report({
        path: [...site.path, 'classification'],
        message: `classification "${value}" of "${site.dotted}" is not in the taxonomy (${levels.join(', ')})${guess ? ` (did you mean "${guess}"?)` : ''}`,
        ...(guess ? { fix: `write "${guess}"` } : {}),
      });
    }
  },
};
