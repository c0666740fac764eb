// A contract file was deleted and no product of another domain reads it.
import type { ContractRule } from '../rule.js';
import { show } from '../nodes.js';
import { foreignConsumers } from '../consumers.js';

export const rule: ContractRule = {
  id: 'breaking/contract-removed',
  severity: 'dangerous',
  scope: 'contract',
  summary: 'A contract was deleted; no data product of another domain lists it as an input port.',
  docs: {
    old: `id: sales-legacy-export`,
    new: '',
    details: 'Consumers outside the mesh (reports, notebooks) may still read the data: retire it first (status deprecated, then retired).',
  },
  check(ctx, report) {
    if (!ctx.old || ctx.new) return;
    if (foreignConsumers(ctx.consumers, ctx.domain).length > 0) return;
    report({ old: ctx.old }, `contract ${show(ctx.old.value.id)} was deleted: consumers outside the mesh lose it without notice; deprecate and retire it first`);
  },
};
