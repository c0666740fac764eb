// Anything else at the top of the contract: description, team, support, roles, price, tags,
// custom properties; documentation of SLA entries and servers.
import type { ContractRule } from '../rule.js';
import { at, deepEqual, isObj, without } from '../nodes.js';
import { changedKeys, serverPairs, SERVER_DOC_KEYS } from '../servers.js';
import { slaPairs } from '../sla.js';
import { both } from '../rule-helpers.js';
import { WAIVER_PROPERTY } from '../waivers.js';

/** Top-level keys other rules look at (or that never count: `version` is judged by semver). */
const HANDLED = new Set(['id', 'version', 'status', 'schema', 'slaProperties', 'servers', 'customProperties']);

function customProperties(value: unknown): unknown {
  if (!Array.isArray(value)) return value;
  const kept = value.filter((p) => !(isObj(p) && p.property === WAIVER_PROPERTY));
  return kept.length === 0 ? undefined : kept;
}

export const rule: ContractRule = {
  id: 'breaking/contract-metadata-changed',
  severity: 'info',
  scope: 'contract',
  summary: 'Contract-level metadata changed: description, team, support, roles, price, tags, custom properties, documentation of SLA entries or servers.',
  docs: {
    old: `description:
  purpose: Orders.`,
    new: `description:
  purpose: Every customer order across web, app and stores.`,
    details: 'Changing `meshBreakingWaivers` custom properties is not a change of the contract.',
  },
  check(ctx, report) {
    if (!ctx.old || !ctx.new) return;
    const o = ctx.old.value;
    const n = ctx.new.value;
    const keys = changedKeys(o, n, (k) => !HANDLED.has(k));
    if (!deepEqual(customProperties(o.customProperties), customProperties(n.customProperties))) keys.push('customProperties');
    if (keys.length > 0) report({ old: at(ctx.old, keys[0]), new: at(ctx.new, keys[0]) }, `${keys.map((k) => `\`${k}\``).join(', ')} of the contract changed`);
    for (const pair of slaPairs(ctx.old, ctx.new).pairs) {
      const diff = changedKeys(without(pair.old.value, ['value', 'unit', 'property']), without(pair.new.value, ['value', 'unit', 'property']), () => true);
      if (diff.length > 0) report(pair, `${diff.join(', ')} of SLA ${both(pair.old.path, pair.new.path)} changed`);
    }
    for (const pair of serverPairs(ctx.old, ctx.new).pairs) {
      const diff = changedKeys(pair.old.value, pair.new.value, (k) => SERVER_DOC_KEYS.includes(k));
      if (diff.length > 0) report(pair, `${diff.join(', ')} of server ${both(pair.old.path, pair.new.path)} changed`);
    }
  },
};
