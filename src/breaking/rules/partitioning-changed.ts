// partitioned / partitionKeyPosition changed.
import type { ElementRule } from '../rule.js';
import { at, show } from '../nodes.js';
import { both, isTrue } from '../rule-helpers.js';

export const rule: ElementRule = {
  id: 'breaking/partitioning-changed',
  severity: 'dangerous',
  scope: 'element',
  summary: 'A property became or stopped being a partition key, or its partition position changed.',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: order_date
        logicalType: date
        partitioned: true
        partitionKeyPosition: 1`,
    new: `schema:
  - name: orders
    properties:
      - name: order_date
        logicalType: date`,
    details: 'Values are unchanged, but consumers that read partitions directly (file paths, partition filters, incremental loads by partition) break or become slow. Dangerous by default; make it breaking in mesh.yaml if your consumers read files.',
  },
  check(ctx, report) {
    const po = isTrue(ctx.old.value.partitioned);
    const pn = isTrue(ctx.new.value.partitioned);
    const kpo = po ? ctx.old.value.partitionKeyPosition : undefined;
    const kpn = pn ? ctx.new.value.partitionKeyPosition : undefined;
    if (po === pn && kpo === kpn) return;
    const desc = (p: boolean, k: unknown) => (p ? `partition key${k !== undefined ? ` #${show(k)}` : ''}` : 'not a partition key');
    report({ old: at(ctx.old, 'partitioned'), new: at(ctx.new, 'partitioned') }, `partitioning of ${both(ctx.old.path, ctx.new.path)} changed from ${desc(po, kpo)} to ${desc(pn, kpn)}: consumers reading partitions directly must adapt`);
  },
};
