// SLOs on a contract page: the declared target of each slaProperties entry and, when an SLO
// evaluation (slo-status.json) is known, its current status as a badge with the time it was measured.
import { canonicalSlaName } from '../odcs/sla-properties.js';
import type { SloResult, SloStatus, SloStatusReport } from '../slo/status.js';
import type { Badge, SloView } from './model.js';
import { display, records, str } from './values.js';

export const SLO_BADGES: Record<SloStatus, Badge> = {
  met: { label: 'Met', tone: 'ok', title: 'The last measurement meets the target' },
  'at-risk': { label: 'At risk', tone: 'warn', title: 'The last measurement is close to the target' },
  breached: { label: 'Breached', tone: 'bad', title: 'The last measurement misses the target' },
  unknown: { label: 'Unknown', tone: 'neutral', title: 'No usable measurement' },
};

const SEVERITY: Record<SloStatus, number> = { unknown: 1, met: 0, 'at-risk': 2, breached: 3 };

export function formatTarget(value: unknown, unit: unknown): string {
  const v = display(value);
  const u = str(unit);
  if (!u) return v;
  return u === '%' ? `${v} %` : `${v} ${u}`;
}

/** Results of one contract, keyed by canonical property (and element, when results give one). */
export function resultsByContract(report: SloStatusReport | undefined): Map<string, SloResult[]> {
  const map = new Map<string, SloResult[]>();
  for (const result of report?.results ?? []) {
    const list = map.get(result.contract) ?? [];
    list.push(result);
    map.set(result.contract, list);
  }
  return map;
}

export function sloViews(data: Record<string, unknown>, results: readonly SloResult[] | undefined): SloView[] {
  return records(data.slaProperties).map((entry) => {
    const declared = str(entry.property) ?? '(unnamed)';
    const property = canonicalSlaName(declared);
    const element = str(entry.element);
    const candidates = (results ?? []).filter((r) => canonicalSlaName(r.property) === property);
    const result = candidates.find((r) => (r.element ?? undefined) === element) ?? (candidates.length === 1 ? candidates[0] : undefined);
    const view: SloView = {
      property,
      target: formatTarget(entry.value, entry.unit),
      element,
      description: str(entry.description),
      driver: str(entry.driver),
    };
    if (results !== undefined) {
      const status: SloStatus = result?.status ?? 'unknown';
      view.status = status;
      view.badge = SLO_BADGES[status] ?? SLO_BADGES.unknown;
      if (result) {
        if (result.observed !== null && result.observed !== undefined) view.observed = formatTarget(result.observed, result.unit);
        if (result.observedAt) view.observedAt = result.observedAt;
        view.message = result.message;
      } else {
        view.message = 'Not evaluated';
      }
    }
    return view;
  });
}

/** The worst status of a contract's SLOs (breached > at risk > unknown > met), for cards. */
export function worstSloBadge(slos: readonly SloView[]): Badge | undefined {
  let worst: SloStatus | undefined;
  for (const slo of slos) {
    if (!slo.status) continue;
    if (worst === undefined || SEVERITY[slo.status] > SEVERITY[worst]) worst = slo.status;
  }
  if (!worst) return undefined;
  const badge = SLO_BADGES[worst];
  return { ...badge, label: `SLO ${badge.label.toLowerCase()}` };
}
