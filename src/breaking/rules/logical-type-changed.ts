// string → integer, boolean → string…: old readers cannot read the new values.
import type { ElementRule } from '../rule.js';
import { at, logicalChange } from '../logical-type-change.js';
import { both } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/logical-type-changed',
  severity: 'breaking',
  scope: 'element',
  summary: 'logicalType changed to an incompatible type (string → integer, array → object, …); also applies to array items.',
  widensValues: true,
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: integer`,
    new: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string`,
    details: 'Readers parse values by type: a value of another type fails to parse or is silently cast.',
  },
  check(ctx, report) {
    const c = logicalChange(ctx.old, ctx.new);
    if (c?.change !== 'changed') return;
    report({ old: at(ctx.old, 'logicalType'), new: at(ctx.new, 'logicalType') }, `logicalType of ${both(ctx.old.path, ctx.new.path)} changed from ${c.from} to ${c.to}: readers expecting ${c.from} cannot read the new values`);
  },
};
