// A contract file was deleted while a product of another domain still reads it.
import type { ContractRule } from '../rule.js';
import { show } from '../nodes.js';
import { foreignConsumers } from '../consumers.js';

export const rule: ContractRule = {
  id: 'breaking/contract-removed-while-consumed',
  severity: 'breaking',
  scope: 'contract',
  summary: 'A contract was deleted while an ODPS data product of another domain still lists it as an input port.',
  docs: {
    old: `id: sales-orders`,
    new: '',
    domain: 'sales',
    consumers: [{ product: 'marketing-customer-360', domain: 'marketing', port: 'orders', version: '1.0.0', owners: ['@acme/marketing-data'] }],
    details: 'Needs the mesh: `mesh breaking` reads the products of the head tree. The consuming domain must drop its input port first.',
  },
  check(ctx, report) {
    if (!ctx.old || ctx.new) return;
    const foreign = foreignConsumers(ctx.consumers, ctx.domain);
    if (foreign.length === 0) return;
    const names = foreign.map((c) => `${c.product}${c.domain ? ` (${c.domain})` : ''}`).join(', ');
    report({ old: ctx.old }, `contract ${show(ctx.old.value.id)} was deleted but is still an input port of ${names}: their pipelines lose their input`);
  },
};
