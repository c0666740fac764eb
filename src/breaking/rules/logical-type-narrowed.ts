// number → integer, timestamp → date: information consumers had is lost.
import type { ElementRule } from '../rule.js';
import { at, logicalChange } from '../logical-type-change.js';
import { both } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/logical-type-narrowed',
  severity: 'breaking',
  scope: 'element',
  summary: 'logicalType narrowed so that information is lost (number → integer, timestamp → date).',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: ordered_at
        logicalType: timestamp`,
    new: `schema:
  - name: orders
    properties:
      - name: ordered_at
        logicalType: date`,
    details: 'The new values still parse as the old type, but a promise is dropped: fractions or times of day are gone, and consumers that relied on them compute wrong results.',
  },
  check(ctx, report) {
    const c = logicalChange(ctx.old, ctx.new);
    if (c?.change !== 'narrowed') return;
    report({ old: at(ctx.old, 'logicalType'), new: at(ctx.new, 'logicalType') }, `logicalType of ${both(ctx.old.path, ctx.new.path)} narrowed from ${c.from} to ${c.to}: consumers lose information they relied on`);
  },
};
