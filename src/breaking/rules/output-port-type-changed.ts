// An output port is served in another form.
import { show, str } from '../nodes.js';
import { consumerNames } from '../ports.js';
import { q } from '../rule-helpers.js';
import type { ProductRule } from '../rule.js';

export const rule: ProductRule = {
  id: 'breaking/output-port-type-changed',
  severity: 'breaking',
  scope: 'product',
  summary: "An output port's `type` changed (e.g. a table became files): its format changed.",
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
    type: kafka`,
    details: 'Consumers connect to an output port by its type (a table, a topic, files, an API): another type means their reader no longer works.',
  },
  check(ctx, report) {
    for (const pair of ctx.ports.pairs) {
      const before = str(pair.old.value.type);
      const after = str(pair.new.value.type);
      // A type declared where there was none is a new promise, not a change (output-port-metadata-changed).
      if (before === after || before === undefined) continue;
      const contractId = str(pair.old.value.contractId);
      const readers = contractId ? ctx.consumersOf(contractId) : [];
      const who = readers.length ? `: ${consumerNames(readers)} must change how they read it` : ': its readers must change how they read it';
      report({ old: pair.old, new: pair.new }, `output port ${q(pair.new.path)} changed type from ${show(before)} to ${show(after)}${who}`);
    }
  },
};
