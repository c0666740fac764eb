// An output port of a data product was removed.
import { show, str } from '../nodes.js';
import { consumerNames } from '../ports.js';
import { q } from '../rule-helpers.js';
import type { ProductRule } from '../rule.js';

export const rule: ProductRule = {
  id: 'breaking/output-port-removed',
  severity: 'breaking',
  scope: 'product',
  summary: 'An output port of a data product was removed.',
  docs: {
    old: `outputPorts:
  - name: orders
    version: 1.0.0
    contractId: sales-orders
    type: snowflake
  - name: orders-export
    version: 1.0.0
    contractId: sales-orders-export
    type: s3`,
    new: `outputPorts:
  - name: orders
    version: 1.0.0
    contractId: sales-orders
    type: snowflake`,
    details:
      'Consumers of the contract the port published lose their source. `mesh breaking` names the products of the head whose input ports read that contract. Output ports are keyed by name and version (ODPS): removing `orders@1.0.0` while `orders@2.0.0` stays is a removal too.',
  },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    for (const gone of ctx.ports.removed) {
      const contractId = str(gone.value.contractId);
      const readers = contractId ? ctx.consumersOf(contractId) : [];
      const elsewhere = contractId && ctx.publishedElsewhere(contractId) ? `; another product still publishes ${show(contractId)}` : '';
      const who = readers.length ? `: ${consumerNames(readers)} read ${show(contractId)} and lose their source` : contractId ? `: consumers of ${show(contractId)} lose their source` : ': consumers reading it lose their source';
      report({ old: gone }, `output port ${q(gone.path)} was removed${who}${elsewhere}`);
    }
  },
};
