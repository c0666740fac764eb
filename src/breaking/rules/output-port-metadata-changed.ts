// Documentation of an output port changed (description, tags, SBOM, input contracts, a minor or patch version move).
import semver from 'semver';
import { isSemver } from '../../semver.js';
import { PORT_KEYS_WITH_RULES } from '../ports.js';
import { q } from '../rule-helpers.js';
import type { ProductRule } from '../rule.js';
import { changedKeys } from '../servers.js';

export const rule: ProductRule = {
  id: 'breaking/output-port-metadata-changed',
  severity: 'info',
  scope: 'product',
  summary: "An output port's description, tags, SBOM or input contracts changed, it declares a `type` or `contractId` it had not, or its version moved by a minor or patch step.",
  docs: {
    old: `outputPorts:
  - name: orders
    version: 1.0.0
    contractId: sales-orders
    type: snowflake
    description: Orders, daily.`,
    new: `outputPorts:
  - name: orders
    version: 1.0.0
    contractId: sales-orders
    type: snowflake
    description: Confirmed orders, refreshed daily at 06:00 UTC.`,
  },
  check(ctx, report) {
    for (const pair of ctx.ports.pairs) {
      const keys = changedKeys(pair.old.value, pair.new.value, (k) => !PORT_KEYS_WITH_RULES.includes(k));
      // `type` or `contractId` declared where the old port had none: a new promise, nothing taken away.
      for (const k of ['contractId', 'type']) if (pair.old.value[k] === undefined && pair.new.value[k] !== undefined) keys.push(k);
      keys.sort();
      const before = pair.old.value.version;
      const after = pair.new.value.version;
      if (isSemver(before) && isSemver(after) && semver.gt(after, before) && semver.major(after) === semver.major(before)) keys.push('version');
      if (keys.length === 0) continue;
      report({ old: pair.old, new: pair.new }, `output port ${q(pair.new.path)}: ${keys.join(', ')} changed`);
    }
  },
};
