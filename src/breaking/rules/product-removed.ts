// A data product file was deleted; no product of the mesh reads what only it published.
import { show } from '../nodes.js';
import type { ProductRule } from '../rule.js';
import { orphanedReads } from './product-removed-while-consumed.js';

export const rule: ProductRule = {
  id: 'breaking/product-removed',
  severity: 'dangerous',
  scope: 'product',
  summary: 'A data product was deleted; no other product reads a contract only it published.',
  docs: {
    old: `outputPorts:
  - name: orders
    version: 1.0.0
    contractId: sales-orders
    type: snowflake`,
    new: '',
    details: 'Consumers outside the mesh (dashboards, notebooks) may still read its output ports.',
  },
  check(ctx, report) {
    if (!ctx.old || ctx.new || orphanedReads(ctx).length > 0) return;
    report({ old: ctx.old }, `data product ${show(ctx.old.value.id)} was deleted: consumers outside the mesh lose its output ports without notice`);
  },
};
