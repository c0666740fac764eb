// optional → required: not breaking for consumers (fewer nulls), a new obligation for the producer.
import type { ElementRule } from '../rule.js';
import { at } from '../nodes.js';
import { both, isTrue } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/required-added',
  severity: 'info',
  bump: 'minor',
  scope: 'element',
  summary: 'An optional property became required.',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: customer_id
        logicalType: string`,
    new: `schema:
  - name: orders
    properties:
      - name: customer_id
        logicalType: string
        required: true`,
    details: 'Consumers get fewer nulls, never more: compatible. The producer must make sure existing data has no nulls.',
  },
  check(ctx, report) {
    if (isTrue(ctx.old.value.required) || !isTrue(ctx.new.value.required)) return;
    report({ old: at(ctx.old, 'required'), new: at(ctx.new, 'required') }, `${both(ctx.old.path, ctx.new.path)} is now required: no more nulls for consumers`);
  },
};
