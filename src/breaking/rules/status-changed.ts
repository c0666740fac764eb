// Other status changes: proposed → draft → active, or back from deprecated to active.
import type { ContractRule } from '../rule.js';
import { at, show } from '../nodes.js';

export const rule: ContractRule = {
  id: 'breaking/status-changed',
  severity: 'info',
  bump: 'minor',
  scope: 'contract',
  summary: 'The status changed in another way than to deprecated or retired (e.g. draft → active, deprecated → retired).',
  docs: { old: `status: draft`, new: `status: active` },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    const from = String(ctx.old.value.status ?? '').toLowerCase();
    const to = String(ctx.new.value.status ?? '').toLowerCase();
    // Retiring after deprecation is the planned path: reported here; without deprecation it is breaking.
    if (from === to || to === 'deprecated' || (to === 'retired' && from !== 'deprecated')) return;
    report({ old: at(ctx.old, 'status'), new: at(ctx.new, 'status') }, `\`status\` changed from ${show(ctx.old.value.status)} to ${show(ctx.new.value.status)}`);
  },
};
