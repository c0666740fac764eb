// Quality rules that name properties must name ones that exist: a schema-level `duplicateValues`
// lists `arguments.properties`, and a SQL query's `{property}` placeholder only has a value in a
// property-level rule.
import { isMapping, propertyList, schemaObjects, allProperties, type Raw } from '../contract-schema.js';
import { suggest } from '../../odcs/schema-messages.js';
import { exampleContract } from '../example-mesh.js';
import type { ContractRule } from '../rule.js';
import type { JsonPath } from '../../finding.js';

const PROPERTY_PLACEHOLDER = /\$?\{property\}/;

export const rule: ContractRule = {
  id: 'quality/property-reference',
  severity: 'error',
  scope: 'contract',
  summary: 'Quality rules reference properties that exist in their object.',
  fix: 'Correct the property name, or move the rule to the property it is about.',
  docs: {
    details:
      'Checks `arguments.properties` of object-level quality rules (e.g. `duplicateValues` over a compound key) and ' +
      'flags a SQL `query` that uses the `{property}` placeholder in an object-level rule, where no property is current.',
    fail: exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
      - { name: tenant_id, logicalType: string }
    quality:
      - metric: duplicateValues
        mustBe: 0
        arguments:
          properties: [tenant_id, orderid]
`),
    pass: exampleContract(`schema:
  - name: orders
    properties:
      - { name: order_id, logicalType: string, primaryKey: true, required: true }
      - { name: tenant_id, logicalType: string }
    quality:
      - metric: duplicateValues
        mustBe: 0
        arguments:
          properties: [tenant_id, order_id]
`),
  },
  check(ctx) {
    const objects = schemaObjects(ctx.contract);
    if (!objects.some((object) => Array.isArray(object.object.quality))) return;
    const all = allProperties(ctx.contract);
    for (const object of objects) {
      // What the object's rules may name, worked out only if one of them names properties.
      let names: string[] | undefined;
      let known: Set<string> | undefined;
      const knownNames = () => {
        if (!known) {
          names = propertyList(object.object.properties, []).map((p) => p.name).filter((n) => n !== '');
          const nested = all.filter((p) => p.object.path[1] === object.path[1]).map((p) => p.dotted.slice(object.name.length + 1));
          known = new Set([...names, ...nested]);
        }
        return known;
      };
      forEachQuality(object.object, object.path, (quality, path) => {
        const args = quality.arguments;
        if (isMapping(args) && Array.isArray(args.properties)) {
          args.properties.forEach((name, i) => {
            if (typeof name !== 'string' || knownNames().has(name)) return;
            const guess = suggest(name, names!);
            ctx.report({
              path: [...path(), 'arguments', 'properties', i],
              message: `quality rule refers to property "${name}", which object "${object.name}" does not have${guess ? ` (did you mean "${guess}"?)` : ''}`,
            });
          });
        }
        if (typeof quality.query === 'string' && PROPERTY_PLACEHOLDER.test(quality.query)) {
          ctx.report({
            path: [...path(), 'query'],
            message: `the query of an object-level quality rule uses {property}, which only has a value in a property-level rule`,
            fix: 'Move the rule under the property it checks, or write the column name.',
          });
        }
      });
    }
  },
};

/** Each quality rule of `node`, with (on demand: findings are rare) its path. */
function forEachQuality(node: Raw, nodePath: JsonPath, visit: (quality: Raw, path: () => JsonPath) => void): void {
  if (!Array.isArray(node.quality)) return;
  node.quality.forEach((q, i) => {
    if (isMapping(q)) visit(q, () => [...nodePath, 'quality', i]);
  });
}
