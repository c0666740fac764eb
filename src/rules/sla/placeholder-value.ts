// `mesh new contract` writes the SLA properties a tier requires with the value TODO: the skeleton
// must lint clean (no error) yet keep reminding the owner until a real target is set. A placeholder
// is therefore a warning of its own, and sla/evaluable-value leaves it alone.
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';
import { slaEntries } from './sla-entries.js';

const PLACEHOLDERS = /^\s*(todo|tbd|tbc|fixme|xxx|\?+)\s*$/i;

/** Whether an SLA value is a placeholder such as TODO or TBD, not yet a target. */
export function isPlaceholder(value: unknown): boolean {
  return typeof value === 'string' && PLACEHOLDERS.test(value);
}

const SCHEMA = `schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
`;

export const rule: ContractRule = {
  id: 'sla/placeholder-value',
  severity: 'warning',
  scope: 'contract',
  summary: 'No SLO is left with a placeholder value (TODO, TBD, FIXME, ?) such as `mesh new contract` writes.',
  fix: 'Replace the placeholder with the target you commit to (e.g. `value: 4` with `unit: h` for latency).',
  docs: {
    details:
      'A warning, so that a fresh skeleton lints clean while it reminds its owner. Raise it to `error` in mesh.yaml ' +
      '(`rules: { sla/placeholder-value: error }`) to keep placeholders out of the main branch.',
    fail: exampleContract(SCHEMA, `slaProperties:\n  - { property: latency, value: TODO, unit: h }\n`),
    pass: exampleContract(SCHEMA, `slaProperties:\n  - { property: latency, value: 4, unit: h }\n`),
  },
  check(ctx) {
    for (const sla of slaEntries(ctx.contract)) {
      if (!isPlaceholder(sla.entry.value)) continue;
      ctx.report({
        path: [...sla.path, 'value'],
        message: `${sla.name || 'SLA property'} still has the placeholder value ${JSON.stringify(sla.entry.value)}: no target is promised yet`,
      });
    }
  },
};
