// BIGINT → INT, DECIMAL(12,2) → DECIMAL(12,0): values, precision or scale are lost.
import type { ElementRule } from '../rule.js';
import { at, physicalChange } from '../logical-type-change.js';
import { both } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/physical-type-narrowed',
  severity: 'breaking',
  scope: 'element',
  summary: 'physicalType narrowed: smaller integer, shorter string, or decimal precision/scale reduced.',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: amount
        logicalType: number
        physicalType: DECIMAL(12,2)`,
    new: `schema:
  - name: orders
    properties:
      - name: amount
        logicalType: number
        physicalType: DECIMAL(12,0)`,
    details: 'Values that fitted before are truncated, rounded or rejected; consumers relying on the precision compute wrong results.',
  },
  check(ctx, report) {
    const c = physicalChange(ctx.old, ctx.new);
    if (c?.change !== 'narrowed') return;
    report({ old: at(ctx.old, 'physicalType'), new: at(ctx.new, 'physicalType') }, `physicalType of ${both(ctx.old.path, ctx.new.path)} narrowed from ${c.from} to ${c.to}: values, precision or scale consumers relied on are lost`);
  },
};
