// active → retired with no deprecated step in between.
import type { ContractRule } from '../rule.js';
import { at, show } from '../nodes.js';

export const rule: ContractRule = {
  id: 'breaking/status-retired-without-deprecation',
  severity: 'breaking',
  scope: 'contract',
  summary: 'The status became `retired` without a prior `deprecated` status.',
  docs: {
    old: `status: active`,
    new: `status: retired`,
    details: 'Deprecation is the notice period consumers need to migrate; skipping it stops their pipelines without warning.',
  },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    const from = String(ctx.old.value.status ?? '').toLowerCase();
    const to = String(ctx.new.value.status ?? '').toLowerCase();
    if (to !== 'retired' || from === 'retired' || from === 'deprecated') return;
    report({ old: at(ctx.old, 'status'), new: at(ctx.new, 'status') }, `\`status\` went from ${show(ctx.old.value.status)} to "retired" without being "deprecated" first: consumers got no notice to migrate`);
  },
};
