// An output port's version went down, or is no longer a semantic version.
import semver from 'semver';
import { isSemver } from '../../semver.js';
import { show } from '../nodes.js';
import { q } from '../rule-helpers.js';
import type { ProductRule } from '../rule.js';

export const rule: ProductRule = {
  id: 'breaking/output-port-version-downgraded',
  severity: 'breaking',
  scope: 'product',
  summary: "An output port's `version` went down, or is no longer a semantic version.",
  docs: {
    old: `outputPorts:
  - name: orders
    version: 2.1.0
    contractId: sales-orders
    type: snowflake`,
    new: `outputPorts:
  - name: orders
    version: 1.4.0
    contractId: sales-orders
    type: snowflake`,
    details: 'Consumers pinned to the newer version get an older one back (or one they cannot compare).',
  },
  check(ctx, report) {
    for (const pair of ctx.ports.pairs) {
      const before = pair.old.value.version;
      const after = pair.new.value.version;
      if (!isSemver(before) || before === after) continue;
      if (isSemver(after) && !semver.lt(after, before)) continue;
      const how = isSemver(after) ? `went down from ${show(before)} to ${show(after)}` : `changed from ${show(before)} to ${show(after ?? null)}, not a semantic version`;
      report({ old: pair.old, new: pair.new }, `the version of output port ${q(pair.old.path)} ${how}: consumers pinned to ${show(before)} lose it`);
    }
  },
};
