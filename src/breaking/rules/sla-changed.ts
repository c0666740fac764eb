// An SLA value changed in a way we cannot rank (unknown unit, time of day, unknown property).
import type { ContractRule } from '../rule.js';
import { compareSla, slaPairs } from '../sla.js';
import { both } from '../rule-helpers.js';

export const rule: ContractRule = {
  id: 'breaking/sla-changed',
  severity: 'dangerous',
  scope: 'contract',
  summary: 'An SLA value changed and cannot be ranked better or worse (time of day, unknown property or unit).',
  docs: {
    old: `slaProperties:
  - property: timeOfAvailability
    value: "06:00"`,
    new: `slaProperties:
  - property: timeOfAvailability
    value: "09:00"`,
  },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    for (const pair of slaPairs(ctx.old, ctx.new).pairs) {
      const c = compareSla(pair.old.value, pair.new.value);
      if (c.kind !== 'changed') continue;
      report(pair, `SLA ${both(pair.old.path, pair.new.path)} changed from ${c.from} to ${c.to}: review whether consumers can live with it`);
    }
  },
};
