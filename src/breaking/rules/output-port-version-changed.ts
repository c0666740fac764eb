// An output port moved to a new major version in place.
import semver from 'semver';
import { isSemver } from '../../semver.js';
import { show } from '../nodes.js';
import { q } from '../rule-helpers.js';
import type { ProductRule } from '../rule.js';

export const rule: ProductRule = {
  id: 'breaking/output-port-version-changed',
  severity: 'dangerous',
  scope: 'product',
  summary: "An output port's `version` moved up a major version in place (the old version is no longer listed).",
  docs: {
    old: `outputPorts:
  - name: orders
    version: 1.2.0
    contractId: sales-orders
    type: snowflake`,
    new: `outputPorts:
  - name: orders
    version: 2.0.0
    contractId: sales-orders
    type: snowflake`,
    details:
      'The contract behind the port is checked on its own; this says consumers pinned to the old major must migrate. To keep them served, list both versions side by side (ODPS keys output ports by name and version), then remove the old one — that removal is `output-port-removed`. Minor and patch moves are `output-port-metadata-changed`.',
  },
  check(ctx, report) {
    for (const pair of ctx.ports.pairs) {
      const before = pair.old.value.version;
      const after = pair.new.value.version;
      if (!isSemver(before) || !isSemver(after) || !semver.gt(after, before) || semver.major(after) === semver.major(before)) continue;
      report({ old: pair.old, new: pair.new }, `output port ${q(pair.old.path)} moved from version ${show(before)} to ${show(after)}: consumers pinned to ${semver.major(before)}.x must migrate`);
    }
  },
};
