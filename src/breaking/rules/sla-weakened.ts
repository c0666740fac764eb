// latency longer, availability lower, retention shorter, frequency rarer…
import type { ContractRule } from '../rule.js';
import { compareSla, slaPairs } from '../sla.js';
import { both } from '../rule-helpers.js';

const WORSE: Record<string, string> = {
  lower: 'longer/higher',
  higher: 'shorter/lower',
};

export const rule: ContractRule = {
  id: 'breaking/sla-weakened',
  severity: 'breaking',
  scope: 'contract',
  summary: 'An SLA property got weaker: latency/freshness/frequency/time-to-repair longer, availability/throughput lower, retention shorter, error rate higher, end of support/life earlier.',
  docs: {
    old: `slaProperties:
  - property: latency
    value: 4
    unit: h`,
    new: `slaProperties:
  - property: latency
    value: 1
    unit: d`,
    details: 'Values are compared after normalising units (`d`, `h`, `m`/`min`, `s`, `day(s)`, ISO-8601 durations such as `P1D`; percentages with or without `%`), so 24h → 1d → P1D is no change. Synonyms (`ly`, `freshness`) are the same property. Which direction is better comes from the SLA property table (src/odcs/sla-properties.ts).',
  },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    for (const pair of slaPairs(ctx.old, ctx.new).pairs) {
      const c = compareSla(pair.old.value, pair.new.value);
      if (c.kind !== 'weakened') continue;
      report(pair, `${c.def.name} SLA ${both(pair.old.path, pair.new.path)} weakened from ${c.from} to ${c.to} (${WORSE[c.def.better] ?? 'worse'} is worse): consumers relying on ${c.from} will miss their own commitments`);
    }
  },
};
