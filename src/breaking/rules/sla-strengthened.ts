// A stronger promise: shorter latency, higher availability, longer retention.
import type { ContractRule } from '../rule.js';
import { compareSla, slaPairs } from '../sla.js';
import { both } from '../rule-helpers.js';

export const rule: ContractRule = {
  id: 'breaking/sla-strengthened',
  severity: 'info',
  bump: 'minor',
  scope: 'contract',
  summary: 'An SLA property got stronger (shorter latency, higher availability, longer retention…).',
  docs: {
    old: `slaProperties:
  - property: availability
    value: 99.5
    unit: "%"`,
    new: `slaProperties:
  - property: availability
    value: 99.9
    unit: "%"`,
  },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    for (const pair of slaPairs(ctx.old, ctx.new).pairs) {
      const c = compareSla(pair.old.value, pair.new.value);
      if (c.kind !== 'strengthened') continue;
      report(pair, `${c.def.name} SLA ${both(pair.old.path, pair.new.path)} strengthened from ${c.from} to ${c.to}`);
    }
  },
};
