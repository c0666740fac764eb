// A data product got a new output port.
import { show } from '../nodes.js';
import { q } from '../rule-helpers.js';
import type { ProductRule } from '../rule.js';

export const rule: ProductRule = {
  id: 'breaking/output-port-added',
  severity: 'info',
  bump: 'minor',
  scope: 'product',
  summary: 'An output port was added to a data product.',
  docs: {
    old: `outputPorts:
  - name: orders
    version: 1.0.0
    contractId: sales-orders
    type: snowflake`,
    new: `outputPorts:
  - name: orders
    version: 1.0.0
    contractId: sales-orders
    type: snowflake
  - name: orders-stream
    version: 1.0.0
    contractId: sales-orders-stream
    type: kafka`,
  },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    for (const added of ctx.ports.added) report({ new: added }, `output port ${q(added.path)} was added, publishing contract ${show(added.value.contractId)}`);
  },
};
