// The table or column name in the data source changed (the logical name may stay).
import type { ElementRule } from '../rule.js';
import { at, show } from '../nodes.js';
import { both } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/physical-name-changed',
  severity: 'breaking',
  scope: 'element',
  summary: 'physicalName of a schema object or property changed (or was removed).',
  docs: {
    old: `schema:
  - name: orders
    physicalName: fct_orders
    properties:
      - name: order_id
        logicalType: string`,
    new: `schema:
  - name: orders
    physicalName: fct_orders_v2
    properties:
      - name: order_id
        logicalType: string`,
    details: 'SQL consumers query the physical table and column names: a new physical name breaks them even when the logical name stays.',
  },
  check(ctx, report) {
    const from = ctx.old.value.physicalName;
    const to = ctx.new.value.physicalName;
    if (from === undefined || from === to) return; // declaring a physical name where there was none is documentation
    report({ old: at(ctx.old, 'physicalName'), new: at(ctx.new, 'physicalName') }, `physicalName of ${both(ctx.old.path, ctx.new.path)} changed from ${show(from)} to ${show(to)}: queries against ${show(from)} fail`);
  },
};
