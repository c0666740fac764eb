// Personal data must be findable: every personal-data property carries the tags the policy requires.
import { tagsOf } from '../contract-schema.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';

const RETENTION = `slaProperties:
  - { property: retention, value: 1, unit: y }
`;
import { personalDataProperties } from './personal-data.js';

export const rule: ContractRule = {
  id: 'policy/pii-tag-required',
  severity: 'error',
  scope: 'contract',
  summary: 'Personal-data properties carry every tag of `personalData.requiredTags`.',
  fix: 'Add the required tags to the property.',
  docs: {
    details:
      'A property is personal data when it has one of the tags in `personalData.tags` or a classification in ' +
      '`personalData.classifications`. In the example mesh `tags: [pii, gdpr]` mark personal data and `requiredTags: [pii]` must be present.',
    fail: {
      'contracts/sales/orders.odcs.yaml': exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
      - { name: email, logicalType: string, classification: restricted, tags: [gdpr] }
`, RETENTION),
    },
    pass: {
      'contracts/sales/orders.odcs.yaml': exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
      - { name: email, logicalType: string, classification: restricted, tags: [gdpr, pii] }
`, RETENTION),
    },
  },
  check(ctx) {
    const required = ctx.policy.personalData.requiredTags;
    if (required.length === 0) return;
    for (const site of personalDataProperties(ctx.contract, ctx.policy)) {
      const tags = tagsOf(site.property);
      const missing = required.filter((t) => !tags.includes(t));
      if (missing.length === 0) continue;
      ctx.report({
        path: [...site.path, site.property.tags !== undefined ? 'tags' : 'name'],
        message: `personal-data property "${site.dotted}" lacks the required tag${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`,
        fix: `add ${missing.join(', ')} to its tags`,
      });
    }
  },
};
