// integer → number: a reader can absorb it, but strictly typed readers may not.
import type { ElementRule } from '../rule.js';
import { at, logicalChange } from '../logical-type-change.js';
import { both } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/logical-type-widened',
  severity: 'dangerous',
  scope: 'element',
  summary: 'logicalType widened to a type readers can absorb (integer → number).',
  widensValues: true,
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: item_count
        logicalType: integer`,
    new: `schema:
  - name: orders
    properties:
      - name: item_count
        logicalType: number`,
    details: 'Readers that coerce numbers keep working; readers that map the property to an integer type may reject fractional values.',
  },
  check(ctx, report) {
    const c = logicalChange(ctx.old, ctx.new);
    if (c?.change !== 'widened') return;
    report({ old: at(ctx.old, 'logicalType'), new: at(ctx.new, 'logicalType') }, `logicalType of ${both(ctx.old.path, ctx.new.path)} widened from ${c.from} to ${c.to}: readers expecting ${c.from} values may reject some values`);
  },
};
