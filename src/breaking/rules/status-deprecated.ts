// The contract is now deprecated: consumers should plan their migration.
import type { ContractRule } from '../rule.js';
import { at, show } from '../nodes.js';

export const rule: ContractRule = {
  id: 'breaking/status-deprecated',
  severity: 'dangerous',
  scope: 'contract',
  summary: 'The status became `deprecated`.',
  docs: { old: `status: active`, new: `status: deprecated`, details: 'Nothing breaks yet; consumers must migrate before it is retired.' },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    const from = String(ctx.old.value.status ?? '').toLowerCase();
    const to = String(ctx.new.value.status ?? '').toLowerCase();
    if (to !== 'deprecated' || from === 'deprecated') return;
    report({ old: at(ctx.old, 'status'), new: at(ctx.new, 'status') }, `\`status\` went from ${show(ctx.old.value.status)} to "deprecated": consumers should plan to migrate before it is retired`);
  },
};
