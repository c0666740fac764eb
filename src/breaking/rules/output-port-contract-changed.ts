// An output port now publishes another contract.
import { show, str } from '../nodes.js';
import { consumerNames } from '../ports.js';
import { q } from '../rule-helpers.js';
import type { ProductRule } from '../rule.js';

export const rule: ProductRule = {
  id: 'breaking/output-port-contract-changed',
  severity: 'breaking',
  scope: 'product',
  summary: "An output port's `contractId` changed: it publishes another contract.",
  docs: {
    old: `outputPorts:
  - name: orders
    version: 1.0.0
    contractId: sales-orders
    type: snowflake`,
    new: `outputPorts:
  - name: orders
    version: 1.0.0
    contractId: sales-orders-v2
    type: snowflake`,
    details: 'Consumers reading the old contract through this port get data under another contract (or none at all, when the contract id was dropped).',
  },
  check(ctx, report) {
    for (const pair of ctx.ports.pairs) {
      const before = str(pair.old.value.contractId);
      const after = str(pair.new.value.contractId);
      // A contract declared where there was none is a new promise, not a change (output-port-metadata-changed).
      if (before === after || before === undefined) continue;
      const readers = before ? ctx.consumersOf(before) : [];
      const who = readers.length ? `: ${consumerNames(readers)} read ${show(before)}` : '';
      report({ old: pair.old, new: pair.new }, `output port ${q(pair.new.path)} publishes contract ${show(after)} instead of ${show(before)}${who}`);
    }
  },
};
