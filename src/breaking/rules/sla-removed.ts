// An SLA property was dropped: a promise is gone.
import type { ContractRule } from '../rule.js';
import { slaPairs } from '../sla.js';
import { q } from '../rule-helpers.js';

export const rule: ContractRule = {
  id: 'breaking/sla-removed',
  severity: 'breaking',
  scope: 'contract',
  summary: 'An SLA property was removed.',
  docs: {
    old: `slaProperties:
  - property: retention
    value: 3
    unit: y
  - property: latency
    value: 1
    unit: h`,
    new: `slaProperties:
  - property: retention
    value: 3
    unit: y`,
  },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    for (const gone of slaPairs(ctx.old, ctx.new).removed) report({ old: gone }, `SLA ${q(gone.path)} was removed: consumers lose that promise`);
  },
};
