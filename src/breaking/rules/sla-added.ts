// A new SLA property: a new promise.
import type { ContractRule } from '../rule.js';
import { slaPairs } from '../sla.js';
import { q } from '../rule-helpers.js';

export const rule: ContractRule = {
  id: 'breaking/sla-added',
  severity: 'info',
  bump: 'minor',
  scope: 'contract',
  summary: 'An SLA property was added.',
  docs: {
    old: `slaProperties:
  - property: retention
    value: 3
    unit: y`,
    new: `slaProperties:
  - property: retention
    value: 3
    unit: y
  - property: availability
    value: 99.9
    unit: "%"`,
  },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    for (const added of slaPairs(ctx.old, ctx.new).added) report({ new: added }, `SLA ${q(added.path)} was added`);
  },
};
