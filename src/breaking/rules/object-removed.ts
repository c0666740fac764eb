// A schema object (table, topic, file) disappeared.
import type { ContractRule } from '../rule.js';
import { q } from '../rule-helpers.js';

export const rule: ContractRule = {
  id: 'breaking/object-removed',
  severity: 'breaking',
  scope: 'contract',
  summary: 'A schema object (table, view, topic, file) was removed.',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
  - name: order_lines
    properties:
      - name: order_id
        logicalType: string`,
    new: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string`,
    details: 'Every query against the object fails.',
  },
  check(ctx, report) {
    for (const gone of ctx.objects.removed) report({ old: gone }, `schema object ${q(gone.path)} was removed: every consumer reading it fails`);
  },
};
