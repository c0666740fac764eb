// Deterministic mutation of valid ODCS documents, for the conformance corpus.
// A seeded PRNG picks what to break; the same seed always yields the same corpus.

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = (string | number)[];

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Mutant {
  name: string;
  doc: Json;
}

function clone<T>(v: T): T {
  return structuredClone(v);
}

function isObject(v: unknown): v is { [key: string]: Json } {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Every path in the document (the root is []). */
function allPaths(doc: Json, path: Path = [], out: Path[] = []): Path[] {
  out.push(path);
  if (Array.isArray(doc)) doc.forEach((v, i) => allPaths(v, [...path, i], out));
  else if (isObject(doc)) for (const [k, v] of Object.entries(doc)) allPaths(v, [...path, k], out);
  return out;
}

function get(doc: Json, path: Path): Json {
  let node: Json = doc;
  for (const p of path) node = (node as Record<string | number, Json>)[p]!;
  return node;
}

function set(doc: Json, path: Path, value: Json): void {
  const parent = get(doc, path.slice(0, -1)) as Record<string | number, Json>;
  parent[path[path.length - 1]!] = value;
}

function typo(s: string, rnd: () => number): string {
  if (s.length < 2) return `${s}x`;
  const i = Math.floor(rnd() * (s.length - 1));
  switch (Math.floor(rnd() * 4)) {
    case 0: // swap two letters
      return s.slice(0, i) + s[i + 1] + s[i] + s.slice(i + 2);
    case 1: // drop one
      return s.slice(0, i) + s.slice(i + 1);
    case 2: // double one
      return s.slice(0, i) + s[i] + s.slice(i);
    default: // change case
      return s.toUpperCase() === s ? s.toLowerCase() : s.charAt(0).toUpperCase() + s.slice(1);
  }
}

function pick<T>(list: readonly T[], rnd: () => number): T {
  return list[Math.floor(rnd() * list.length)]!;
}

const WRONG_API_VERSIONS: Json[] = ['v3.2.0', '3.1.0', 'v4.0.0', '', 'V3.1.0', 'v3.0.3', 3.1, null];
const SECTIONS = ['quality', 'servers', 'slaProperties', 'support', 'roles', 'customProperties', 'relationships', 'authoritativeDefinitions', 'members', 'properties'];
const STRANGE_VALUES: Json[] = [null, 0, -1, 1.5, '', 'x', true, [], {}, ['a'], { a: 1 }, '2024-01-01', 'not a uri'];

type Operator = (doc: Json, rnd: () => number) => string | undefined;

const OPERATORS: Record<string, Operator> = {
  deleteKey(doc, rnd) {
    const objs = allPaths(doc).filter((p) => isObject(get(doc, p)) && Object.keys(get(doc, p) as object).length > 0);
    const at = pick(objs, rnd);
    const obj = get(doc, at) as Record<string, Json>;
    const key = pick(Object.keys(obj), rnd);
    delete obj[key];
    return `${at.join('.')}.${key}`;
  },
  wrongType(doc, rnd) {
    const at = pick(allPaths(doc).filter((p) => p.length > 0), rnd);
    const v = get(doc, at);
    const replacement: Json =
      typeof v === 'string' ? pick([42, true, [v], { value: v }], rnd)
      : typeof v === 'number' ? pick([String(v), [v], { n: v }], rnd)
      : typeof v === 'boolean' ? pick([String(v), v ? 1 : 0], rnd)
      : Array.isArray(v) ? pick([{ items: v }, 'list', 1], rnd)
      : isObject(v) ? pick([[v], 'object', 7], rnd)
      : 'null';
    set(doc, at, replacement);
    return at.join('.');
  },
  unknownKey(doc, rnd) {
    const objs = allPaths(doc).filter((p) => isObject(get(doc, p)));
    const at = pick(objs, rnd);
    const obj = get(doc, at) as Record<string, Json>;
    const keys = Object.keys(obj);
    const key = keys.length && rnd() < 0.7 ? typo(pick(keys, rnd), rnd) : pick(['extra', 'notes', 'x-owner', 'Description', '$ref'], rnd);
    if (!(key in obj)) obj[key] = pick(STRANGE_VALUES, rnd);
    return `${at.join('.')}.${key}`;
  },
  invalidEnum(doc, rnd) {
    const strings = allPaths(doc).filter((p) => typeof get(doc, p) === 'string');
    if (!strings.length) return undefined;
    const preferred = strings.filter((p) => ['logicalType', 'type', 'metric', 'dimension', 'kind', 'format'].includes(String(p[p.length - 1])));
    const at = pick(preferred.length && rnd() < 0.8 ? preferred : strings, rnd);
    set(doc, at, typo(get(doc, at) as string, rnd));
    return at.join('.');
  },
  wrongApiVersion(doc, rnd) {
    if (!isObject(doc)) return undefined;
    doc.apiVersion = pick(WRONG_API_VERSIONS, rnd);
    return 'apiVersion';
  },
  emptyArray(doc, rnd) {
    const arrays = allPaths(doc).filter((p) => p.length > 0 && Array.isArray(get(doc, p)));
    if (!arrays.length) return undefined;
    const at = pick(arrays, rnd);
    set(doc, at, []);
    return at.join('.');
  },
  nullValue(doc, rnd) {
    const at = pick(allPaths(doc).filter((p) => p.length > 0), rnd);
    set(doc, at, null);
    return at.join('.');
  },
  numberAsString(doc, rnd) {
    const candidates = allPaths(doc).filter((p) => {
      const v = get(doc, p);
      return typeof v === 'number' || typeof v === 'boolean' || (typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v));
    });
    if (!candidates.length) return undefined;
    const at = pick(candidates, rnd);
    const v = get(doc, at);
    set(doc, at, typeof v === 'string' ? Number(v) : String(v));
    return at.join('.');
  },
  badNestedItem(doc, rnd) {
    const arrays = allPaths(doc).filter((p) => Array.isArray(get(doc, p)));
    if (!arrays.length) return undefined;
    const at = pick(arrays, rnd);
    const arr = get(doc, at) as Json[];
    const template = arr.length ? clone(pick(arr, rnd)) : {};
    if (isObject(template) && Object.keys(template).length && rnd() < 0.6) delete template[pick(Object.keys(template), rnd)];
    arr.push(isObject(template) && rnd() < 0.7 ? template : pick(STRANGE_VALUES, rnd));
    return at.join('.');
  },
  extraKeyInSection(doc, rnd) {
    const items = allPaths(doc).filter((p) => p.length >= 2 && SECTIONS.includes(String(p[p.length - 2])) && isObject(get(doc, p)));
    if (!items.length) return undefined;
    const at = pick(items, rnd);
    const obj = get(doc, at) as Record<string, Json>;
    obj[pick(['mustBeGreaterThen', 'severityLevel', 'host', 'location', 'unit', 'description', 'foo', 'items', 'properties', 'from', 'query'], rnd)] = pick(STRANGE_VALUES, rnd);
    return at.join('.');
  },
  duplicateItem(doc, rnd) {
    const arrays = allPaths(doc).filter((p) => Array.isArray(get(doc, p)) && (get(doc, p) as Json[]).length > 0);
    if (!arrays.length) return undefined;
    const at = pick(arrays, rnd);
    const arr = get(doc, at) as Json[];
    arr.push(clone(arr[0]!));
    return at.join('.');
  },
  strangeValue(doc, rnd) {
    const at = pick(allPaths(doc).filter((p) => p.length > 0), rnd);
    set(doc, at, pick(STRANGE_VALUES, rnd));
    return at.join('.');
  },
};

export const OPERATOR_NAMES = Object.keys(OPERATORS);

/** `count` mutants of `bases`, each with one to three mutations, fully determined by `seed`. */
export function mutate(bases: readonly { name: string; doc: Json }[], count: number, seed: number): Mutant[] {
  const rnd = mulberry32(seed);
  const out: Mutant[] = [];
  for (let i = 0; i < count; i++) {
    const base = bases[i % bases.length]!;
    const doc = clone(base.doc);
    const steps: string[] = [];
    const n = 1 + Math.floor(rnd() * rnd() * 3);
    for (let s = 0; s < n; s++) {
      // Every operator is applied in turn on the first pass, then chosen at random.
      const name = s === 0 && i < OPERATOR_NAMES.length * bases.length ? OPERATOR_NAMES[Math.floor(i / bases.length) % OPERATOR_NAMES.length]! : pick(OPERATOR_NAMES, rnd);
      const where = OPERATORS[name]!(doc, rnd);
      if (where !== undefined) steps.push(`${name}@${where}`);
    }
    out.push({ name: `${base.name} #${i}: ${steps.join(', ')}`, doc });
  }
  return out;
}
