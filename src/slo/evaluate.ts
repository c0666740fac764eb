// SLO evaluation: each declared SLO of each contract against the newest matching observation.
// Pure: time comes in as `now`, nothing is read or written here.
//
// Status, with d the property's direction and m the margin (default 0.1):
//   lower is better (latency, frequency, errorRate):  breached when observed > target,
//        at-risk when observed > target × (1 − m), else met.
//   higher is better, percent (availability):  breached when observed < target, at-risk when
//        less than m of the error budget (100 − target) is left, else met.
//   higher is better, other (retention, throughput): breached when observed < target,
//        at-risk when observed < target × (1 + m), else met.
//   unknown: no matching observation, the newest is older than `staleAfter`, or it cannot be read.
import { normaliseSlaValue, canonicalSlaName } from '../odcs/sla-properties.js';
import { toSeconds, parseIsoDuration } from '../odcs/units.js';
import { declaredSlos, type DeclaredSlo, type SloContract } from './declared.js';
import type { Observation } from './observations.js';
import type { SloResult, SloStatus, SloStatusReport } from './status.js';
import { isRecord } from './dbt-mapping.js';

export interface EvaluateOptions {
  now: Date | string;
  /** Share of the target (or error budget) that counts as "at risk"; default 0.1. */
  margin?: number;
  /** Observations older than this are ignored (status unknown): seconds, or a duration like `P2D`/`48h`. */
  staleAfter?: number | string;
}

export function evaluateSlos(contracts: readonly SloContract[], observations: readonly Observation[], options: EvaluateOptions): SloStatusReport {
  const now = new Date(options.now);
  if (Number.isNaN(now.getTime())) throw new RangeError(`invalid evaluation time: ${String(options.now)}`);
  const margin = options.margin ?? 0.1;
  const staleAfter = staleSeconds(options.staleAfter);
  const byContract = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = byContract.get(o.contract) ?? [];
    list.push(o);
    byContract.set(o.contract, list);
  }
  const results: SloResult[] = [];
  for (const contract of [...contracts].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))) {
    const slos = declaredSlos(contract);
    const context = contractContext(contract, now);
    for (const slo of slos) {
      const candidates = matching(slo, slos, byContract.get(contract.id) ?? []);
      results.push({ ...evaluateOne(slo, candidates, now, margin, staleAfter), ...context });
    }
  }
  return { evaluatedAt: now.toISOString(), results };
}

/** Observations that match no declared SLO (wrong contract id or property): worth a warning. */
export function unmatchedObservations(contracts: readonly SloContract[], observations: readonly Observation[]): Observation[] {
  const declared = new Set<string>();
  for (const c of contracts) for (const s of declaredSlos(c)) declared.add(`${c.id}\u0000${s.property}`);
  return observations.filter((o) => !declared.has(`${o.contract}\u0000${canonicalSlaName(o.property)}`));
}

function staleSeconds(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const s = typeof value === 'number' ? value : (parseIsoDuration(value) ?? toSeconds(value));
  if (s === undefined || s <= 0) throw new RangeError(`invalid staleness limit: ${String(value)} (use e.g. P2D, 48h or a number of seconds)`);
  return s;
}

function matching(slo: DeclaredSlo, all: readonly DeclaredSlo[], observations: readonly Observation[]): Observation[] {
  const sameProperty = observations.filter((o) => canonicalSlaName(o.property) === slo.property);
  if (slo.element) return sameProperty.filter((o) => !o.element || sameElement(o.element, slo.element!));
  const otherElements = all.filter((s) => s.property === slo.property && s.element).map((s) => s.element!);
  return sameProperty.filter((o) => !o.element || !otherElements.some((e) => sameElement(e, o.element!)));
}

function sameElement(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

function newest(observations: readonly Observation[]): Observation | undefined {
  let best: Observation | undefined;
  let bestT = -Infinity;
  for (const o of observations) {
    const t = new Date(o.observedAt).getTime();
    if (Number.isNaN(t)) continue;
    if (t >= bestT) {
      best = o;
      bestT = t;
    }
  }
  return best;
}

type Evaluated = Omit<SloResult, 'file' | 'domain' | 'product' | 'team' | 'assignees' | 'owners'>;

function evaluateOne(slo: DeclaredSlo, candidates: readonly Observation[], now: Date, margin: number, staleAfter?: number): Evaluated {
  const normalisedUnit: SloResult['normalisedUnit'] = slo.def?.kind === 'duration' ? 's' : slo.def?.kind === 'percent' ? '%' : slo.def ? 'count' : null;
  const base = {
    contract: '',
    property: slo.property,
    target: slo.target,
    unit: slo.unit,
    ...(slo.element ? { element: slo.element } : {}),
    targetNormalised: slo.targetNormalised ?? null,
    normalisedUnit,
  };
  const unknown = (message: string, o?: Observation): Evaluated => ({
    ...base,
    observed: null,
    observedNormalised: null,
    status: 'unknown',
    observedAt: o ? new Date(o.observedAt).toISOString() : null,
    message,
  });
  if (slo.problem || !slo.def || slo.targetNormalised === undefined) return unknown(`cannot be evaluated: ${slo.problem ?? 'unknown target'}`);
  const def = slo.def;
  const target = slo.targetNormalised;
  const obs = newest(candidates);
  if (!obs) return unknown(`no observation of ${slo.property}${slo.element ? ` for ${slo.element}` : ''}`);
  const observedAt = new Date(obs.observedAt);
  if (staleAfter !== undefined && (now.getTime() - observedAt.getTime()) / 1000 > staleAfter) {
    return unknown(`newest observation (${observedAt.toISOString()}) is older than the staleness limit of ${describe(staleAfter, 's')}`, obs);
  }
  let observed: number | undefined;
  if (obs.lastUpdated !== undefined) {
    const t = new Date(obs.lastUpdated).getTime();
    if (def.kind !== 'duration') return unknown(`lastUpdated only makes sense for durations such as latency, not ${slo.property}`, obs);
    if (Number.isNaN(t)) return unknown(`lastUpdated ${JSON.stringify(obs.lastUpdated)} is not an ISO-8601 time`, obs);
    observed = Math.max(0, (now.getTime() - t) / 1000);
  } else if (obs.value !== undefined) {
    const unit = obs.unit ?? (typeof obs.value === 'number' ? (slo.unit ?? undefined) : undefined);
    observed = normaliseSlaValue(def, obs.value, unit);
    if (observed === undefined) return unknown(`observed value ${JSON.stringify(obs.value)}${obs.unit ? ` ${obs.unit}` : ''} cannot be read as ${def.kind === 'duration' ? 'a duration' : def.kind === 'percent' ? 'a percentage' : 'a number'}`, obs);
  } else if (obs.verdict) {
    const status: SloStatus = obs.verdict === 'pass' ? 'met' : obs.verdict === 'fail' ? 'breached' : obs.verdict === 'warn' ? 'at-risk' : 'unknown';
    const note = obs.note ? `: ${obs.note}` : '';
    return {
      ...base,
      observed: null,
      observedNormalised: null,
      status,
      observedAt: observedAt.toISOString(),
      message: status === 'unknown' ? `the check reported an error${note}` : `the check reported ${obs.verdict}${note}`,
    };
  } else {
    return unknown('observation has neither value, lastUpdated nor a verdict', obs);
  }
  const status = compare(def.better, def.kind, observed, target, margin);
  return {
    ...base,
    observed: displayObserved(observed, slo),
    observedNormalised: round(observed),
    status,
    observedAt: observedAt.toISOString(),
    message: messageFor(slo, status, observed, target, margin),
  };
}

function compare(better: string, kind: string, observed: number, target: number, margin: number): SloStatus {
  if (better === 'lower') return observed > target ? 'breached' : observed > target * (1 - margin) ? 'at-risk' : 'met';
  if (better === 'higher') {
    if (observed < target) return 'breached';
    if (kind === 'percent') return observed - target < margin * (100 - target) ? 'at-risk' : 'met';
    return observed < target * (1 + margin) ? 'at-risk' : 'met';
  }
  return 'unknown';
}

function messageFor(slo: DeclaredSlo, status: SloStatus, observed: number, target: number, margin: number): string {
  const kind = slo.def!.kind;
  const unit = kind === 'duration' ? 's' : kind === 'percent' ? '%' : '';
  const o = describe(observed, unit);
  const t = describe(target, unit);
  const what = `${slo.property}${slo.element ? ` of ${slo.element}` : ''}`;
  const lower = slo.def!.better === 'lower';
  switch (status) {
    case 'breached':
      return `${what} is ${o}, ${lower ? 'above' : 'below'} the target of ${lower ? 'at most' : 'at least'} ${t}`;
    case 'at-risk':
      return kind === 'percent' && !lower
        ? `${what} is ${o}, less than ${Math.round(margin * 100)} % of the error budget above the target ${t} is left`
        : `${what} is ${o}, within ${Math.round(margin * 100)} % of the target ${t}`;
    default:
      return `${what} is ${o}, meets the target ${t}`;
  }
}

/** Observed value in the same terms as the target: a number in the target's unit, or a duration string. */
function displayObserved(observed: number, slo: DeclaredSlo): number | string {
  if (slo.def?.kind === 'duration') {
    if (slo.unit) {
      const per = toSeconds(1, slo.unit);
      if (per) return round(observed / per);
    }
    return describe(observed, 's');
  }
  return round(observed);
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

const DISPLAY_UNITS: [string, number][] = [['y', 31_536_000], ['d', 86_400], ['h', 3600], ['min', 60], ['s', 1]];

/** `5400` seconds → `1.5h`; `99.5` percent → `99.5%`. */
export function describe(value: number, unit: string): string {
  if (unit !== 's') return `${round(value)}${unit}`;
  for (const [name, size] of DISPLAY_UNITS) {
    if (value >= size) return `${Math.round((value / size) * 100) / 100}${name}`;
  }
  return `${round(value)}s`;
}

const GITHUB_LOGIN = /^[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

function contractContext(contract: SloContract, now: Date): Pick<SloResult, 'contract' | 'file' | 'domain' | 'product' | 'team' | 'assignees' | 'owners'> {
  const data = contract.data;
  const team = data.team;
  const members = Array.isArray(team) ? team : isRecord(team) && Array.isArray(team.members) ? team.members : [];
  const assignees = members
    .filter((m): m is Record<string, unknown> => isRecord(m) && typeof m.username === 'string')
    .filter((m) => typeof m.dateOut !== 'string' || new Date(m.dateOut).getTime() > now.getTime())
    .map((m) => (m.username as string).replace(/^@/, ''))
    .filter((u) => GITHUB_LOGIN.test(u));
  const product = typeof data.dataProduct === 'string' ? data.dataProduct : typeof data.name === 'string' ? data.name : contract.id;
  return {
    contract: contract.id,
    file: contract.file,
    ...(contract.domain ? { domain: contract.domain } : {}),
    product,
    ...(isRecord(team) && typeof team.name === 'string' ? { team: team.name } : {}),
    assignees: [...new Set(assignees)],
    owners: contract.owners ?? [],
  };
}
