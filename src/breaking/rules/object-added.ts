// A new schema object: additive.
import type { ContractRule } from '../rule.js';
import { q } from '../rule-helpers.js';

export const rule: ContractRule = {
  id: 'breaking/object-added',
  severity: 'info',
  bump: 'minor',
  scope: 'contract',
  summary: 'A schema object was added.',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string`,
    new: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
  - name: refunds
    properties:
      - name: refund_id
        logicalType: string`,
    details: 'Additive; needs a minor version.',
  },
  check(ctx, report) {
    for (const added of ctx.objects.added) report({ new: added }, `schema object ${q(added.path)} was added`);
  },
};
