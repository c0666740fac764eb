// A new `id` is a different contract: everything that referenced the old id loses it.
import type { ContractRule } from '../rule.js';
import { at, show } from '../nodes.js';

export const rule: ContractRule = {
  id: 'breaking/contract-id-changed',
  severity: 'breaking',
  scope: 'contract',
  summary: 'The contract `id` changed: treated as removing the old contract and adding a new one.',
  docs: {
    old: `id: sales-orders`,
    new: `id: sales-orders-v2`,
    details: 'Products reference contracts by id (ODPS input ports `contractId`); they lose theirs. `mesh breaking` matches contracts across refs by id, so there it appears as a deleted and an added contract.',
  },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    const from = ctx.old.value.id;
    const to = ctx.new.value.id;
    if (from === undefined || to === undefined || from === to) return;
    report({ old: at(ctx.old, 'id'), new: at(ctx.new, 'id') }, `contract \`id\` changed from ${show(from)} to ${show(to)}: this is a new contract, and every consumer of ${show(from)} loses its input`);
  },
};
