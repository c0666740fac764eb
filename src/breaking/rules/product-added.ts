// A new data product.
import { show } from '../nodes.js';
import type { ProductRule } from '../rule.js';

export const rule: ProductRule = {
  id: 'breaking/product-added',
  severity: 'info',
  bump: 'minor',
  scope: 'product',
  summary: 'A data product was added.',
  docs: {
    old: '',
    new: `outputPorts:
  - name: orders
    version: 1.0.0
    contractId: sales-orders
    type: snowflake`,
  },
  check(ctx, report) {
    if (ctx.old || !ctx.new) return;
    report({ new: ctx.new }, `data product ${show(ctx.new.value.id)} version ${show(ctx.new.value.version)} was added`);
  },
};
