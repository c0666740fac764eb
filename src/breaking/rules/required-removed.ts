// required → optional: consumers may now get nulls.
import type { ElementRule } from '../rule.js';
import { at } from '../nodes.js';
import { both, isTrue } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/required-removed',
  severity: 'breaking',
  scope: 'element',
  summary: 'A required property became optional (nullable).',
  widensValues: true,
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: customer_id
        logicalType: string
        required: true`,
    new: `schema:
  - name: orders
    properties:
      - name: customer_id
        logicalType: string
        required: false`,
    details: 'Consumers that never expected nulls (joins, NOT NULL target columns, non-optional fields in generated code) break on the first null.',
  },
  check(ctx, report) {
    if (!isTrue(ctx.old.value.required) || isTrue(ctx.new.value.required)) return;
    report({ old: at(ctx.old, 'required'), new: at(ctx.new, 'required') }, `${both(ctx.old.path, ctx.new.path)} is no longer required: consumers may now receive nulls`);
  },
};
