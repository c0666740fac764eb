// Anything else about an element that changed: transform logic, relationships, critical-data flag,
// options other than bounds/pattern/format, documentation of its quality rules…
import type { ElementRule } from '../rule.js';
import { at, deepEqual, isObj, without } from '../nodes.js';
import { checkedPart, OPERATORS, qualityPairs } from '../quality.js';
import { both } from '../rule-helpers.js';

/** Element keys other rules look at. */
const HANDLED = new Set([
  'id', 'name', 'properties', 'items', 'logicalType', 'physicalName', 'required', 'unique', 'primaryKey',
  'partitioned', 'partitionKeyPosition', 'classification', 'tags', 'quality', 'description', 'businessName',
  'examples', 'authoritativeDefinitions', 'logicalTypeOptions', 'physicalType',
]);
const HANDLED_OPTIONS = ['maxLength', 'minLength', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum', 'maxItems', 'minItems', 'maxProperties', 'minProperties', 'pattern', 'format'];

export const rule: ElementRule = {
  id: 'breaking/metadata-changed',
  severity: 'info',
  scope: 'element',
  summary: 'Other attributes of a schema object or property changed (transform logic, relationships, criticalDataElement, other logicalTypeOptions, a physicalType declared or dropped, documentation of quality rules).',
  docs: {
    old: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
        criticalDataElement: false`,
    new: `schema:
  - name: orders
    properties:
      - name: order_id
        logicalType: string
        criticalDataElement: true`,
  },
  check(ctx, report) {
    const keys = new Set([...Object.keys(ctx.old.value), ...Object.keys(ctx.new.value)]);
    const changed: string[] = [];
    for (const k of keys) if (!HANDLED.has(k) && !deepEqual(ctx.old.value[k], ctx.new.value[k])) changed.push(k);
    const po = ctx.old.value.physicalType;
    const pn = ctx.new.value.physicalType;
    if ((po === undefined) !== (pn === undefined)) changed.push('physicalType');
    const oo = isObj(ctx.old.value.logicalTypeOptions) ? without(ctx.old.value.logicalTypeOptions, HANDLED_OPTIONS) : {};
    const no = isObj(ctx.new.value.logicalTypeOptions) ? without(ctx.new.value.logicalTypeOptions, HANDLED_OPTIONS) : {};
    for (const k of new Set([...Object.keys(oo), ...Object.keys(no)])) if (!deepEqual(oo[k], no[k])) changed.push(`logicalTypeOptions.${k}`);
    if (changed.length > 0) report({ old: at(ctx.old, changed[0]), new: at(ctx.new, changed[0]) }, `${changed.join(', ')} of ${both(ctx.old.path, ctx.new.path)} changed`);

    for (const pair of qualityPairs(ctx.old, ctx.new).pairs) {
      const docOld = without(pair.old.value, [...OPERATORS, ...Object.keys(checkedPart(pair.old.value)), 'severity', 'arguments', 'rule', 'metric', 'type']);
      const docNew = without(pair.new.value, [...OPERATORS, ...Object.keys(checkedPart(pair.new.value)), 'severity', 'arguments', 'rule', 'metric', 'type']);
      const diff = [...new Set([...Object.keys(docOld), ...Object.keys(docNew)])].filter((k) => !deepEqual(docOld[k], docNew[k]));
      if (diff.length > 0) report(pair, `${diff.join(', ')} of quality rule ${both(pair.old.path, pair.new.path)} changed`);
    }
  },
};
