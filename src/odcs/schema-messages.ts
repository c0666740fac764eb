// Turns Ajv's errors for one document into human messages: one per distinct problem, with the JSON
// path, what was found, what is allowed and (when there is a likely intended value) a suggestion.
// Ajv reports every failing branch of anyOf/oneOf/if-then; this module collapses that noise to the
// error of the branch the author most likely meant. It never decides validity: Ajv does.
import type { ErrorObject } from 'ajv';
import { closest, distance } from 'fastest-levenshtein';
import { formatJsonPath, type JsonPath } from '../finding.js';
import { knownKeysAt, schemasAt, type SchemaNode } from './schema-walk.js';

export interface SchemaProblem {
  /** Where the problem is: the offending value, or the object missing a key. */
  path: JsonPath;
  /** Full human message, starting with the path (omitted for the document itself). */
  message: string;
  fix?: string;
}

interface Err {
  path: JsonPath;
  keyword: string;
  params: Record<string, unknown>;
  schemaPath: string;
  index: number;
}

/** Converts Ajv's JSON-pointer instancePath into a JsonPath, using the data to tell indexes from keys. */
export function instancePathToJsonPath(instancePath: string, data: unknown): JsonPath {
  if (instancePath === '') return [];
  const out: (string | number)[] = [];
  let node: unknown = data;
  for (const raw of instancePath.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node) && /^\d+$/.test(key)) {
      out.push(Number(key));
      node = node[Number(key)];
    } else {
      out.push(key);
      node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[key] : undefined;
    }
  }
  return out;
}

function valueAt(data: unknown, path: JsonPath): unknown {
  let node = data;
  for (const part of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string | number, unknown>)[part];
  }
  return node;
}

function isUnder(path: JsonPath, prefix: JsonPath): boolean {
  return prefix.length <= path.length && prefix.every((p, i) => path[i] === p);
}

function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && isUnder(a, b);
}

/** The closest candidate to `value` when it is plausibly a typo of it. */
export function suggest(value: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0 || value === '') return undefined;
  const lower = value.toLowerCase();
  const sameCase = candidates.find((c) => c.toLowerCase() === lower);
  if (sameCase) return sameCase;
  const best = closest(value, candidates as string[]);
  const limit = Math.max(1, Math.min(3, Math.floor(Math.max(value.length, best.length) / 3)));
  return distance(lower, best.toLowerCase()) <= limit ? best : undefined;
}

/** How a found value reads in a message: `number 1.2`, `string "abc"`, `an array`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value instanceof Date) return `a date (${isNaN(value.getTime()) ? 'invalid' : value.toISOString().slice(0, 10)})`;
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'string':
      return `string ${quote(value)}`;
    case 'number':
      return `${Number.isInteger(value) ? 'integer' : 'number'} ${value}`;
    case 'boolean':
      return `boolean ${value}`;
    case 'object':
      return 'an object';
    default:
      return typeof value;
  }
}

function quote(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

function showValue(value: unknown): string {
  return typeof value === 'string' ? quote(value) : value instanceof Date ? describeValue(value) : JSON.stringify(value) ?? String(value);
}

function listOr(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function typeList(types: readonly string[]): string[] {
  const unique = [...new Set(types)];
  // "integer" adds nothing next to "number".
  return unique.includes('number') ? unique.filter((t) => t !== 'integer') : unique;
}

function prefix(path: JsonPath): string {
  return path.length === 0 ? '' : `${formatJsonPath(path)}: `;
}

const FORMAT_HINTS: Record<string, string> = {
  uri: 'a URI such as "https://example.com/path"',
  date: 'a date such as "2024-01-31"',
  'date-time': 'a date-time such as "2024-01-31T12:00:00Z"',
  email: 'an email address',
};

/** Readable names for the patterns of the ODCS $defs (matched by the $def name in Ajv's schemaPath). */
const PATTERN_HINTS: Record<string, string> = {
  StableId: 'an id made of letters, digits, "_" and "-"',
  ShorthandReference: 'a reference like "table.column"',
  FullyQualifiedReference: 'a path like "schema/table/properties/column"',
};

/** Discriminator-ish keys whose value explains why a key is not allowed in an object. */
const DISCRIMINATORS = ['type', 'logicalType'] as const;

/** Describes every problem in `errors` (Ajv errors of one validation of `data` against `root`). */
export function describeSchemaErrors(errors: readonly ErrorObject[], data: unknown, root: SchemaNode): SchemaProblem[] {
  let errs: Err[] = errors.map((e, index) => ({
    path: instancePathToJsonPath(e.instancePath, data),
    keyword: e.keyword,
    params: e.params as Record<string, unknown>,
    schemaPath: e.schemaPath,
    index,
  }));
  const problems: SchemaProblem[] = [];

  // `if` only says "the then-branch failed": the branch's own errors are reported too.
  errs = errs.filter((e) => e.keyword !== 'if');

  // anyOf / oneOf: deepest first, so nested alternatives are settled before their parents. A settled
  // alternative becomes one synthetic error at its own place, which an enclosing alternative can in
  // turn keep or discard with the branch it belongs to.
  const alternatives = errs
    .filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf')
    .sort((a, b) => b.path.length - a.path.length || a.index - b.index);
  const removed = new Set<Err>();
  const synthetic: Err[] = [];
  const live = () => [...errs, ...synthetic].filter((e) => !removed.has(e));
  for (const alt of alternatives) {
    removed.add(alt);
    const branchErrs = live().filter(
      (e) => e.index < alt.index && e.keyword !== 'unevaluatedProperties' && isUnder(e.path, alt.path),
    );
    const replaceWith = (e: Omit<Err, 'index' | 'schemaPath' | 'path'>) =>
      synthetic.push({ ...e, path: alt.path, schemaPath: alt.schemaPath, index: alt.index });
    const passing = alt.params.passingSchemas;
    if (Array.isArray(passing)) {
      // oneOf matched more than once: e.g. two quality operators at the same time.
      const own = branchErrs.filter((e) => samePath(e.path, alt.path) && e.schemaPath.startsWith(`${alt.schemaPath}/`));
      own.forEach((e) => removed.add(e));
      // A value of the wrong type can pass several branches that only constrain keys: its own error says it.
      const explained = live().some((e) => e.keyword !== 'unevaluatedProperties' && isUnder(e.path, alt.path));
      if (!explained) replaceWith({ keyword: 'x-one-of-passing', params: {} });
      continue;
    }
    const typeAtPath = branchErrs.filter((e) => e.keyword === 'type' && samePath(e.path, alt.path));
    const rest = branchErrs.filter((e) => !typeAtPath.includes(e));
    const requiredInBranches = rest.filter(
      (e) => e.keyword === 'required' && samePath(e.path, alt.path) && e.schemaPath.startsWith(`${alt.schemaPath}/`),
    );
    if (rest.length === 0) {
      typeAtPath.forEach((e) => removed.add(e));
      const types = typeList(typeAtPath.flatMap((e) => [e.params.type].flat() as string[]));
      replaceWith(types.length ? { keyword: 'type', params: { type: types } } : { keyword: 'x-no-alternative', params: {} });
    } else if (requiredInBranches.length === rest.length) {
      // Every branch asks for its own key: "one of these keys is required".
      rest.forEach((e) => removed.add(e));
      typeAtPath.forEach((e) => removed.add(e));
      replaceWith({ keyword: 'x-required-one-of', params: { keys: [...new Set(requiredInBranches.map((e) => String(e.params.missingProperty)))] } });
    } else {
      // The value has the shape of some branch: report that branch's errors, not the others' type mismatch.
      typeAtPath.forEach((e) => removed.add(e));
      // Errors that tell their branch (inlined branches carry its index in their schemaPath): keep
      // the branch closest to matching, i.e. with the fewest errors not already reported anyway.
      const branchOf = (e: Err): number | undefined => {
        const m = new RegExp(`^${escapeRegExp(alt.schemaPath)}/(\\d+)/`).exec(e.schemaPath);
        return m ? Number(m[1]) : undefined;
      };
      const certain = rest.filter((e) => branchOf(e) === undefined);
      const byBranch = new Map<number, Err[]>();
      for (const e of rest) {
        const b = branchOf(e);
        if (b !== undefined) byBranch.set(b, [...(byBranch.get(b) ?? []), e]);
      }
      if (byBranch.size > 1) {
        const cost = (list: Err[]) => list.filter((e) => !certain.some((c) => samePath(c.path, e.path))).length;
        const best = [...byBranch.entries()].sort(
          (a, b) => cost(a[1]) - cost(b[1]) || a[1].length - b[1].length || a[0] - b[0],
        )[0]![0];
        for (const [branch, list] of byBranch) if (branch !== best) list.forEach((e) => removed.add(e));
      }
    }
  }
  errs = live();

  // A value of the wrong type breaks its enum/format/pattern too: the type error says it all.
  errs = errs.filter(
    (e) =>
      !['enum', 'const', 'format', 'pattern'].includes(e.keyword) ||
      !errs.some((t) => t.keyword === 'type' && samePath(t.path, e.path)),
  );

  // Unknown keys. A declared key can be "unevaluated" only because a branch declaring it failed:
  // then the branch's own error says what is wrong and the key is not reported again.
  const seenKeys = new Set<string>();
  for (const e of errs) {
    if (e.keyword !== 'unevaluatedProperties' && e.keyword !== 'additionalProperties') continue;
    const key = String(e.params.unevaluatedProperty ?? e.params.additionalProperty);
    const id = `${JSON.stringify(e.path)}|${key}`;
    if (seenKeys.has(id)) continue;
    seenKeys.add(id);
    const known = knownKeysAt(root, e.path);
    if (known.includes(key)) {
      const explained = errs.some(
        (o) => o.keyword !== 'unevaluatedProperties' && o.keyword !== 'additionalProperties' && isUnder(o.path, e.path),
      );
      if (explained || problems.some((p) => isUnder(p.path, e.path))) continue;
      // Declared, but its value has a type no declaration allows (so no branch evaluated it).
      const value = valueAt(data, [...e.path, key]);
      const declared = typeList(schemasAt(root, [...e.path, key]).flatMap((n) => (n.type === undefined ? [] : [n.type].flat() as string[])));
      if (declared.length && !declared.some((t) => jsonTypeMatches(t, value))) {
        problems.push({
          path: [...e.path, key],
          message: `${formatJsonPath([...e.path, key])}: expected ${listOr(declared)}, got ${describeValue(value)}`,
          fix: `use ${listOr(declared.map(article))}`,
        });
        continue;
      }
      problems.push({
        path: [...e.path, key],
        message: `${prefix(e.path)}key "${key}" is not allowed here${discriminatorContext(data, e.path)}`,
        fix: `remove "${key}"`,
      });
      continue;
    }
    const hint = suggest(key, known);
    problems.push({
      path: [...e.path, key],
      message: `${prefix(e.path)}unknown key "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}`,
      fix: hint ? `rename "${key}" to "${hint}"` : `remove "${key}" (extra information belongs in customProperties)`,
    });
  }

  // Same keyword at the same path (e.g. two reference patterns) is one problem.
  const grouped = new Map<string, Err[]>();
  for (const e of errs) {
    if (e.keyword === 'unevaluatedProperties' || e.keyword === 'additionalProperties') continue;
    const id = `${JSON.stringify(e.path)}|${e.keyword}|${e.keyword === 'required' ? String(e.params.missingProperty) : ''}`;
    const list = grouped.get(id);
    if (list) list.push(e);
    else grouped.set(id, [e]);
  }
  for (const group of grouped.values()) problems.push(describeGroup(group, data, root));

  // One finding per distinct problem.
  const unique = new Map<string, SchemaProblem>();
  for (const p of problems) unique.set(`${JSON.stringify(p.path)}|${p.message}`, p);
  return [...unique.values()];
}

function jsonTypeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'null':
      return value === null;
    case 'array':
      return Array.isArray(value);
    case 'object':
      return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);
    case 'integer':
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function article(type: string): string {
  if (type === 'null') return 'null';
  if (type === 'array' || type === 'object' || type === 'integer') return `an ${type}`;
  return `a ${type}`;
}

function discriminatorContext(data: unknown, path: JsonPath): string {
  for (const at of [path, path.slice(0, -1)]) {
    const obj = valueAt(data, at);
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) continue;
    for (const key of DISCRIMINATORS) {
      const value = (obj as Record<string, unknown>)[key];
      if (typeof value === 'string') return ` when ${key} is "${value}"`;
    }
  }
  return '';
}

function tooManyAlternatives(alt: Err, data: unknown, root: SchemaNode): SchemaProblem {
  // Alternatives that are "one of these keys" (ODCS quality operators): name the keys found.
  const obj = valueAt(data, alt.path);
  const exclusiveKeys = new Set<string>();
  for (const node of schemasAt(root, alt.path)) {
    const branches = node.oneOf;
    if (!Array.isArray(branches)) continue;
    for (const b of branches) {
      const req = (b as SchemaNode)?.required;
      if (Array.isArray(req) && req.length === 1) exclusiveKeys.add(String(req[0]));
    }
  }
  const present =
    typeof obj === 'object' && obj !== null ? Object.keys(obj).filter((k) => exclusiveKeys.has(k)) : [];
  if (present.length > 1) {
    return {
      path: alt.path,
      message: `${prefix(alt.path)}only one of ${[...exclusiveKeys].join(', ')} may be set, found ${present.map((k) => `"${k}"`).join(' and ')}`,
      fix: `keep one of ${present.join(', ')}`,
    };
  }
  return { path: alt.path, message: `${prefix(alt.path)}matches more than one of the allowed forms (exactly one is allowed)` };
}

function describeGroup(group: Err[], data: unknown, root: SchemaNode): SchemaProblem {
  const e = group[0]!;
  const p = prefix(e.path);
  const value = valueAt(data, e.path);
  const params = e.params;
  switch (e.keyword) {
    case 'required': {
      const key = String(params.missingProperty);
      return { path: e.path, message: `${p}missing required key "${key}"`, fix: `add "${key}"` };
    }
    case 'type': {
      const types = typeList(group.flatMap((g) => [g.params.type].flat() as string[]));
      const quoteIt = types.includes('string') && (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date);
      return {
        path: e.path,
        message: `${p}expected ${listOr(types)}, got ${describeValue(value)}`,
        fix: quoteIt ? `quote the value to make it a string: "${value instanceof Date ? value.toISOString().slice(0, 10) : String(value)}"` : `use ${listOr(types.map(article))}`,
      };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]) ?? [];
      const hint = typeof value === 'string' ? suggest(value, allowed.filter((a): a is string => typeof a === 'string')) : undefined;
      return {
        path: e.path,
        message: `${p}${showValue(value)} is not one of ${allowed.map(String).join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`,
        fix: hint ? `use "${hint}"` : `use one of ${allowed.map(String).join(', ')}`,
      };
    }
    case 'const':
      return { path: e.path, message: `${p}${showValue(value)} is not allowed: the only allowed value is ${showValue(params.allowedValue)}`, fix: `use ${showValue(params.allowedValue)}` };
    case 'format': {
      const format = String(params.format);
      return {
        path: e.path,
        message: `${p}${showValue(value)} is not a valid ${format}`,
        fix: `use ${FORMAT_HINTS[format] ?? `a valid ${format}`}`,
      };
    }
    case 'pattern': {
      const hints = group.map((g) => patternHint(g));
      const named = hints.filter((h): h is string => h !== undefined);
      const patterns = group.map((g) => String(g.params.pattern));
      return named.length === group.length
        ? { path: e.path, message: `${p}${showValue(value)} is not ${listOr([...new Set(named)])}`, fix: `use ${listOr([...new Set(named)])}` }
        : { path: e.path, message: `${p}${showValue(value)} does not match the pattern ${listOr(patterns)}` };
    }
    case 'minItems':
      return { path: e.path, message: `${p}needs at least ${String(params.limit)} item${params.limit === 1 ? '' : 's'}, got ${Array.isArray(value) ? value.length : 0}` };
    case 'maxItems':
      return { path: e.path, message: `${p}allows at most ${String(params.limit)} item${params.limit === 1 ? '' : 's'}, got ${Array.isArray(value) ? value.length : 0}` };
    case 'uniqueItems':
      return { path: e.path, message: `${p}items ${String(params.j)} and ${String(params.i)} are identical; items must be unique`, fix: 'remove the duplicate' };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return { path: e.path, message: `${p}${showValue(value)} must be ${String(params.comparison)} ${String(params.limit)}` };
    case 'minLength':
    case 'maxLength':
      return { path: e.path, message: `${p}${showValue(value)} must have ${e.keyword === 'minLength' ? 'at least' : 'at most'} ${String(params.limit)} characters` };
    case 'multipleOf':
      return { path: e.path, message: `${p}${showValue(value)} must be a multiple of ${String(params.multipleOf)}` };
    case 'minProperties':
    case 'maxProperties':
      return { path: e.path, message: `${p}must have ${e.keyword === 'minProperties' ? 'at least' : 'at most'} ${String(params.limit)} keys` };
    case 'not':
      return describeNot(e, value, root);
    case 'x-required-one-of': {
      const keys = e.params.keys as string[];
      return { path: e.path, message: `${p}missing one of the keys ${keys.join(', ')}`, fix: `add exactly one of ${keys.join(', ')}` };
    }
    case 'x-one-of-passing':
      return tooManyAlternatives(e, data, root);
    case 'unevaluatedItems':
    case 'additionalItems':
      return { path: e.path, message: `${p}has more items than allowed` };
    case 'false schema':
      return { path: e.path, message: `${p}no value is allowed here`, fix: 'remove it' };
    case 'x-no-alternative':
    case 'anyOf':
    case 'oneOf':
      return { path: e.path, message: `${p}${describeValue(value)} does not match any of the allowed forms` };
    default:
      return { path: e.path, message: `${p}${describeValue(value)} violates the schema rule "${e.keyword}"` };
  }
}

function patternHint(e: Err): string | undefined {
  const def = /\$defs\/([^/]+)\/pattern$/.exec(e.schemaPath)?.[1];
  return def ? PATTERN_HINTS[def] : undefined;
}

function describeNot(e: Err, value: unknown, root: SchemaNode): SchemaProblem {
  const p = prefix(e.path);
  // `not: {required: [k]}` means "k must not be present" (ODCS: property-level relationships have no `from`).
  if (typeof value === 'object' && value !== null) {
    for (const node of schemasAt(root, e.path)) {
      const not = node.not as SchemaNode | undefined;
      const req = not?.required;
      if (!Array.isArray(req)) continue;
      const present = req.filter((k): k is string => typeof k === 'string' && k in value);
      if (present.length === req.length && present.length > 0) {
        return {
          path: [...e.path, present[0]!],
          message: `${p}key ${present.map((k) => `"${k}"`).join(', ')} is not allowed here`,
          fix: `remove ${present.map((k) => `"${k}"`).join(', ')}`,
        };
      }
    }
  }
  return { path: e.path, message: `${p}${describeValue(value)} is a form that is explicitly not allowed here` };
}
