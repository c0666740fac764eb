// A data product file was deleted while other products read a contract only it published.
import { show } from '../nodes.js';
import { consumerNames, publishedContracts } from '../ports.js';
import type { ProductRule } from '../rule.js';

/** Contracts only the deleted product published, with the products of the head reading them. */
export function orphanedReads(ctx: Parameters<ProductRule['check']>[0]): { contractId: string; readers: ReturnType<typeof ctx.consumersOf> }[] {
  if (!ctx.old || ctx.new) return [];
  return publishedContracts(ctx.old.value)
    .filter((id) => !ctx.publishedElsewhere(id))
    .map((contractId) => ({ contractId, readers: ctx.consumersOf(contractId) }))
    .filter((x) => x.readers.length > 0);
}

export const rule: ProductRule = {
  id: 'breaking/product-removed-while-consumed',
  severity: 'breaking',
  scope: 'product',
  summary: "A data product was deleted while other products' input ports read a contract only it published.",
  docs: {
    old: `outputPorts:
  - name: orders
    version: 1.0.0
    contractId: sales-orders
    type: snowflake`,
    new: '',
    domain: 'sales',
    consumers: [{ product: 'marketing-customer-360', domain: 'marketing', port: 'orders', version: '1.0.0', owners: ['@acme/marketing-data'] }],
    details: 'Needs the mesh: `mesh breaking` reads the products of the head tree. Move the output port to another product first, or have the consumers drop their input ports.',
  },
  check(ctx, report) {
    for (const { contractId, readers } of orphanedReads(ctx)) {
      report({ old: ctx.old! }, `data product ${show(ctx.old!.value.id)} was deleted but ${consumerNames(readers)} still read ${show(contractId)}, which no other product publishes: they lose their source`);
    }
  },
};
