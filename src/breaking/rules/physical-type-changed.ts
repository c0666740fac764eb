// VARCHAR → TIMESTAMP, JSON → STRUCT…: another kind of physical value.
import type { ElementRule } from '../rule.js';
import { at, physicalChange } from '../logical-type-change.js';
import { both } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/physical-type-changed',
  severity: 'breaking',
  scope: 'element',
  summary: 'physicalType changed to an unrelated type (VARCHAR → TIMESTAMP, INT → VARCHAR).',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: ordered_at
        logicalType: timestamp
        physicalType: TIMESTAMP_NTZ`,
    new: `schema:
  - name: orders
    properties:
      - name: ordered_at
        logicalType: timestamp
        physicalType: TIMESTAMP_TZ`,
    details: 'Spelling differences (case, spaces, INT vs INTEGER, NUMERIC vs DECIMAL) are no change; other differences change how the column is read.',
  },
  check(ctx, report) {
    const c = physicalChange(ctx.old, ctx.new);
    if (c?.change !== 'changed') return;
    report({ old: at(ctx.old, 'physicalType'), new: at(ctx.new, 'physicalType') }, `physicalType of ${both(ctx.old.path, ctx.new.path)} changed from ${c.from} to ${c.to}: readers of the physical data must change`);
  },
};
