// Located values of a contract: the value, its display path (`schema[orders].properties[amount]`)
// and its pointer into the parsed document (`['schema', 0, 'properties', 3]`) for YAML positions.
// Array elements are named by their label (name, id, property…), never by index, so reordering a
// list changes no path.
import type { JsonPath } from '../finding.js';

export type Obj = Record<string, unknown>;

export interface Node<T = Obj> {
  value: T;
  path: string;
  pointer: JsonPath;
}

export function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
}

export function root(value: Obj): Node {
  return { value, path: '', pointer: [] };
}

function segment(label: string): string {
  return /[[\]]/.test(label) ? JSON.stringify(label) : label;
}

/** Path of a key under a node: `schema[orders].logicalType`. */
export function keyPath(parent: string, key: string): string {
  return parent === '' ? key : `${parent}.${key}`;
}

/** The node at `key` whatever its value (for scalars: `status`, `logicalType`…). */
export function at(parent: Node<unknown>, key: string): Node<unknown> {
  const value = isObj(parent.value) ? parent.value[key] : undefined;
  return { value, path: keyPath(parent.path, key), pointer: [...parent.pointer, key] };
}

/** A mapping under `key` of an element, or an empty one (`logicalTypeOptions`). */
export function mapping(parent: Node, key: string): Obj {
  const value = parent.value[key];
  return isObj(value) ? value : {};
}

/** The child node at `key` (undefined when absent or not a mapping). */
export function childNode(parent: Node, key: string): Node | undefined {
  const value = parent.value[key];
  return isObj(value) ? { value, path: keyPath(parent.path, key), pointer: [...parent.pointer, key] } : undefined;
}

/** The mapping elements of the array at `key`, each named by `labelOf`. Non-mappings are skipped. */
export function elements(parent: Node | undefined, key: string, labelOf: (value: Obj, index: number) => string): Node[] {
  if (!parent) return [];
  const list = parent.value[key];
  if (!Array.isArray(list)) return [];
  const out: Node[] = [];
  const base = keyPath(parent.path, key);
  list.forEach((value, index) => {
    if (!isObj(value)) return;
    out.push({ value, path: `${base}[${segment(labelOf(value, index))}]`, pointer: [...parent.pointer, key, index] });
  });
  return out;
}

/** A label for schema elements: the name, else the id, else the position. */
export function nameLabel(value: Obj, index: number): string {
  if (typeof value.name === 'string' && value.name !== '') return value.name;
  if (typeof value.id === 'string' && value.id !== '') return value.id;
  return String(index);
}

export function str(value: unknown): string | undefined {
  return typeof value === 'string' ? value : typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** Shows a value in a message: strings quoted, absent as "(none)". */
export function show(value: unknown): string {
  if (value === undefined || value === null) return '(none)';
  if (typeof value === 'string') return JSON.stringify(value);
  if (value instanceof Date) return value.toISOString();
  return JSON.stringify(value);
}

/** Deep equality of parsed YAML/JSON values (key order does not matter, Dates by time). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return Number.isNaN(a) && Number.isNaN(b);
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const bb = b as unknown[];
    return a.length === bb.length && a.every((v, i) => deepEqual(v, bb[i]));
  }
  const ka = Object.keys(a as Obj).filter((k) => (a as Obj)[k] !== undefined);
  const kb = Object.keys(b as Obj).filter((k) => (b as Obj)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Obj)[k], (b as Obj)[k]));
}

/** A copy of a mapping without some keys (for "same definition apart from the name" comparisons). */
export function without(value: Obj, keys: readonly string[]): Obj {
  const out: Obj = {};
  for (const [k, v] of Object.entries(value)) if (!keys.includes(k)) out[k] = v;
  return out;
}
