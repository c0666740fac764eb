// INT → BIGINT, VARCHAR(36) → VARCHAR(64), DECIMAL(10,2) → DECIMAL(12,2).
import type { ElementRule } from '../rule.js';
import { at, physicalChange } from '../logical-type-change.js';
import { both } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/physical-type-widened',
  severity: 'dangerous',
  scope: 'element',
  summary: 'physicalType widened (INT → BIGINT, VARCHAR(36) → VARCHAR(64), DECIMAL(10,2) → DECIMAL(12,2)).',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: item_count
        logicalType: integer
        physicalType: INT`,
    new: `schema:
  - name: orders
    properties:
      - name: item_count
        logicalType: integer
        physicalType: BIGINT`,
    details: 'SQL readers absorb it; consumers that copy into a column of the old size may overflow or truncate.',
  },
  check(ctx, report) {
    const c = physicalChange(ctx.old, ctx.new);
    if (c?.change !== 'widened') return;
    report({ old: at(ctx.old, 'physicalType'), new: at(ctx.new, 'physicalType') }, `physicalType of ${both(ctx.old.path, ctx.new.path)} widened from ${c.from} to ${c.to}: consumers storing it in a ${c.from} column may overflow`);
  },
};
