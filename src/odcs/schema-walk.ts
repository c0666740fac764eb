// Static questions about a JSON Schema, used to word messages: which subschemas may apply at an
// instance path, and which keys are declared there. The verdict itself always comes from Ajv.
import type { JsonPath } from '../finding.js';

export type SchemaNode = Record<string, unknown>;

function isNode(value: unknown): value is SchemaNode {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Resolves a local `$ref` (`#/$defs/Name`, JSON-pointer escaped) inside `root`. */
function resolveRef(root: SchemaNode, ref: string): SchemaNode | undefined {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    node = isNode(node) ? node[key] : undefined;
  }
  return isNode(node) ? node : undefined;
}

const COMPOSITION_LISTS = ['allOf', 'anyOf', 'oneOf'] as const;
const COMPOSITION_SINGLE = ['then', 'else', '$ref'] as const;

/** `node` plus every subschema that applies to the same instance (through $ref, allOf/anyOf/oneOf, then/else). */
function expand(root: SchemaNode, node: SchemaNode, out: Set<SchemaNode>): void {
  if (out.has(node)) return;
  out.add(node);
  if (typeof node.$ref === 'string') {
    const target = resolveRef(root, node.$ref);
    if (target) expand(root, target, out);
  }
  for (const key of COMPOSITION_LISTS) {
    const list = node[key];
    if (Array.isArray(list)) for (const sub of list) if (isNode(sub)) expand(root, sub, out);
  }
  for (const key of COMPOSITION_SINGLE) {
    const sub = node[key];
    if (isNode(sub)) expand(root, sub, out);
  }
}

const cache = new WeakMap<SchemaNode, Map<string, SchemaNode[]>>();

/** All subschemas that may apply at `path` of an instance (array indexes all map to `items`). */
export function schemasAt(root: SchemaNode, path: JsonPath): SchemaNode[] {
  let perRoot = cache.get(root);
  if (!perRoot) cache.set(root, (perRoot = new Map()));
  const key = path.map((p) => (typeof p === 'number' ? '[]' : `.${p}`)).join('');
  const hit = perRoot.get(key);
  if (hit) return hit;
  let current = new Set<SchemaNode>();
  expand(root, root, current);
  for (const part of path) {
    const next = new Set<SchemaNode>();
    for (const node of current) {
      const child =
        typeof part === 'number'
          ? node.items
          : isNode(node.properties) && part in node.properties
            ? node.properties[part]
            : undefined;
      if (isNode(child)) expand(root, child, next);
    }
    current = next;
  }
  const result = [...current];
  perRoot.set(key, result);
  return result;
}

/** Keys declared by any subschema that may apply at `path`. */
export function knownKeysAt(root: SchemaNode, path: JsonPath): string[] {
  const keys = new Set<string>();
  for (const node of schemasAt(root, path)) {
    if (isNode(node.properties)) for (const k of Object.keys(node.properties)) keys.add(k);
    if (Array.isArray(node.required)) for (const k of node.required) if (typeof k === 'string') keys.add(k);
  }
  return [...keys];
}
