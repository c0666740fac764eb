// A new contract.
import type { ContractRule } from '../rule.js';
import { show } from '../nodes.js';

export const rule: ContractRule = {
  id: 'breaking/contract-added',
  severity: 'info',
  bump: 'minor',
  scope: 'contract',
  summary: 'A contract was added.',
  docs: { old: '', new: `id: sales-refunds` },
  check(ctx, report) {
    if (ctx.old || !ctx.new) return;
    report({ new: ctx.new }, `contract ${show(ctx.new.value.id)} version ${show(ctx.new.value.version)} was added`);
  },
};
