// Personal data is classified at least at the policy's minimum level (e.g. confidential).
import { classificationRank } from '../../policy/policy.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';

const RETENTION = `slaProperties:
  - { property: retention, value: 1, unit: y }
`;
import { personalDataProperties } from './personal-data.js';

export const rule: ContractRule = {
  id: 'policy/pii-minimum-classification',
  severity: 'error',
  scope: 'contract',
  summary: 'Personal-data properties are classified at least `personalData.minimumClassification`.',
  fix: 'Raise the classification of the property to the minimum (or stricter).',
  docs: {
    details: 'A personal-data property without any classification is reported too (the taxonomy default is not enough).',
    fail: exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
      - { name: email, logicalType: string, classification: internal, tags: [pii] }
`, RETENTION),
    pass: exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
      - { name: email, logicalType: string, classification: confidential, tags: [pii] }
`, RETENTION),
  },
  check(ctx) {
    const minimum = ctx.policy.personalData.minimumClassification;
    if (minimum === undefined) return;
    const floor = classificationRank(ctx.policy, minimum);
    for (const site of personalDataProperties(ctx.contract, ctx.policy)) {
      const value = site.property.classification;
      if (typeof value !== 'string') {
        ctx.report({ path: site.path, message: `personal-data property "${site.dotted}" has no classification; it must be at least ${minimum}`, fix: `add classification: ${minimum}` });
        continue;
      }
      const rank = classificationRank(ctx.policy, value);
      if (rank < 0) continue; // not in the taxonomy: policy/classification-taxonomy reports it
      if (rank < floor) {
        ctx.report({ path: [...site.path, 'classification'], message: `personal-data property "${site.dotted}" is classified ${value}; it must be at least ${minimum}`, fix: `set classification: ${minimum} (or stricter)` });
      }
    }
  },
};
