// Quality rules of a schema element: pairing old and new rules, the set of metric values a rule
// accepts (to tell a loosened threshold from a tightened one) and the valid values (enums) that
// `invalidValues` rules declare.
import { matchNodes, type MatchResult } from './match.js';
import { deepEqual, elements, isObj, str, without, type Node, type Obj } from './nodes.js';

/** Label of a quality rule in paths: id, else name, else metric/type. */
export function qualityLabel(value: Obj, index: number): string {
  return str(value.id) ?? str(value.name) ?? (str(value.metric) ?? str(value.rule) ?? str(value.type) ?? 'rule') + `#${index + 1}`;
}

function signature(node: Node): string {
  const v = node.value;
  return JSON.stringify([v.type ?? 'library', v.metric ?? v.rule ?? null, v.query ?? null, v.engine ?? null, v.implementation ?? null, argumentsWithoutValues(v)]);
}

function argumentsWithoutValues(v: Obj): unknown {
  return isObj(v.arguments) ? without(v.arguments, ['validValues']) : null;
}

export function matchQuality(oldEl: Node, newEl: Node): MatchResult {
  return matchNodes(elements(oldEl, 'quality', qualityLabel), elements(newEl, 'quality', qualityLabel), {
    nameOf: (n) => str(n.value.name) ?? signature(n),
  });
}

/** Quality rules are cached per element node so the five quality rules pair them once. */
const cache = new WeakMap<Obj, WeakMap<Obj, MatchResult>>();
export function qualityPairs(oldEl: Node, newEl: Node): MatchResult {
  let inner = cache.get(oldEl.value);
  if (!inner) cache.set(oldEl.value, (inner = new WeakMap()));
  let result = inner.get(newEl.value);
  if (!result) inner.set(newEl.value, (result = matchQuality(oldEl, newEl)));
  return result;
}

export const OPERATORS = [
  'mustBe', 'mustNotBe', 'mustBeGreaterThan', 'mustBeGreaterOrEqualTo', 'mustBeGreaterThanOrEqualTo',
  'mustBeLessThan', 'mustBeLessOrEqualTo', 'mustBeLessThanOrEqualTo', 'mustBeBetween', 'mustNotBeBetween',
] as const;

/** Accepted metric values of a rule as an interval (undefined for negations and non-numbers). */
interface Interval {
  lo: number;
  loIncl: boolean;
  hi: number;
  hiIncl: boolean;
}

export function operatorsOf(v: Obj): Obj {
  const out: Obj = {};
  for (const op of OPERATORS) if (v[op] !== undefined) out[op] = v[op];
  return out;
}

function num(x: unknown): number | undefined {
  if (typeof x === 'number' && Number.isFinite(x)) return x;
  if (typeof x === 'string' && x.trim() !== '' && Number.isFinite(Number(x))) return Number(x);
  return undefined;
}

export function intervalOf(v: Obj): Interval | undefined {
  const ops = operatorsOf(v);
  const keys = Object.keys(ops);
  if (keys.length !== 1) return undefined;
  const op = keys[0];
  const x = ops[op];
  switch (op) {
    case 'mustBe': {
      const n = num(x);
      return n === undefined ? undefined : { lo: n, loIncl: true, hi: n, hiIncl: true };
    }
    case 'mustBeGreaterThan':
    case 'mustBeGreaterOrEqualTo':
    case 'mustBeGreaterThanOrEqualTo': {
      const n = num(x);
      return n === undefined ? undefined : { lo: n, loIncl: op !== 'mustBeGreaterThan', hi: Infinity, hiIncl: false };
    }
    case 'mustBeLessThan':
    case 'mustBeLessOrEqualTo':
    case 'mustBeLessThanOrEqualTo': {
      const n = num(x);
      return n === undefined ? undefined : { lo: -Infinity, loIncl: false, hi: n, hiIncl: op !== 'mustBeLessThan' };
    }
    case 'mustBeBetween': {
      if (!Array.isArray(x) || x.length !== 2) return undefined;
      const a = num(x[0]);
      const b = num(x[1]);
      return a === undefined || b === undefined ? undefined : { lo: Math.min(a, b), loIncl: true, hi: Math.max(a, b), hiIncl: true };
    }
    default:
      return undefined;
  }
}

/** `inner` ⊆ `outer`. */
function within(inner: Interval, outer: Interval): boolean {
  const loOk = inner.lo > outer.lo || (inner.lo === outer.lo && (outer.loIncl || !inner.loIncl));
  const hiOk = inner.hi < outer.hi || (inner.hi === outer.hi && (outer.hiIncl || !inner.hiIncl));
  return loOk && hiOk;
}

export type ThresholdChange = 'same' | 'loosened' | 'tightened' | 'changed';

/** How the accepted metric values moved between two versions of a rule. */
export function compareThresholds(oldRule: Obj, newRule: Obj): ThresholdChange {
  const o = operatorsOf(oldRule);
  const n = operatorsOf(newRule);
  if (deepEqual(o, n)) return 'same';
  const io = intervalOf(oldRule);
  const inn = intervalOf(newRule);
  if (!io || !inn) return 'changed';
  const newInOld = within(inn, io);
  const oldInNew = within(io, inn);
  if (newInOld && oldInNew) return 'same';
  if (newInOld) return 'tightened';
  return 'loosened';
}

/** What a rule checks apart from its threshold and its valid values (metric, query, unit, arguments…). */
export function checkedPart(v: Obj): Obj {
  const rest = without(v, [...OPERATORS, 'id', 'name', 'description', 'severity', 'businessImpact', 'tags', 'authoritativeDefinitions', 'customProperties', 'schedule', 'scheduler', 'dimension', 'method']);
  if (isObj(rest.arguments)) {
    const args = without(rest.arguments, ['validValues']);
    if (Object.keys(args).length === 0) delete rest.arguments;
    else rest.arguments = args;
  }
  if (rest.type === undefined) rest.type = 'library';
  if (rest.metric === undefined && rest.rule !== undefined) {
    rest.metric = rest.rule;
    delete rest.rule;
  }
  return rest;
}

/** A quality rule that blocks data when it fails (ODCS `severity: error`, the default for library rules without a severity is not blocking). */
export function isBlocking(v: Obj): boolean {
  return typeof v.severity === 'string' && /^(error|critical|blocking|high)$/i.test(v.severity);
}

/** Valid values of an element: the union of `validValues` of its `invalidValues` rules; undefined when none. */
export function validValuesOf(el: Node): unknown[] | undefined {
  const quality = el.value.quality;
  if (!Array.isArray(quality)) return undefined;
  let values: unknown[] | undefined;
  for (const q of quality) {
    if (!isObj(q) || (q.metric ?? q.rule) !== 'invalidValues' || !isObj(q.arguments)) continue;
    const vv = q.arguments.validValues;
    if (!Array.isArray(vv)) continue;
    values = [...(values ?? []), ...vv];
  }
  return values;
}

export function valueKey(v: unknown): string {
  return typeof v === 'string' ? v : JSON.stringify(v);
}
