// The SLOs a contract declares: its `slaProperties`, resolved to canonical property names and
// comparable target numbers. SLOs that cannot be evaluated become findings (a lint concern),
// never exceptions.
import type { Finding, JsonPath } from '../finding.js';
import { knownSlaNames, normaliseSlaValue, slaProperty, type SlaPropertyDefinition } from '../odcs/sla-properties.js';
import { isRecord } from './dbt-mapping.js';

/** A contract as the SLO engine sees it (built by the CLI from the loaded mesh). */
export interface SloContract {
  id: string;
  data: Record<string, unknown>;
  /** Path relative to the repository root, `/` separators. */
  file: string;
  domain?: string;
  /** CODEOWNERS owners of the file (`@org/team`, `@user`, emails). */
  owners?: string[];
  /** Source position of a node, when the contract was loaded from YAML. */
  locate?(path: JsonPath): { line: number; column: number };
}

export interface DeclaredSlo {
  /** Canonical property name, or the name as written when it is not in the SLA table. */
  property: string;
  def?: SlaPropertyDefinition;
  target: number | string | null;
  unit: string | null;
  element?: string;
  /** Comparable target: seconds, percent or count; undefined when it cannot be evaluated. */
  targetNormalised?: number;
  /** Why it cannot be evaluated, when it cannot. */
  problem?: string;
  path: JsonPath;
}

/** Kinds of SLA property that measurements can be compared with. */
const MEASURABLE = new Set(['duration', 'percent', 'number']);

export function declaredSlos(contract: Pick<SloContract, 'data'>): DeclaredSlo[] {
  const sla = contract.data.slaProperties;
  if (!Array.isArray(sla)) return [];
  const out: DeclaredSlo[] = [];
  sla.forEach((entry, i) => {
    if (!isRecord(entry) || typeof entry.property !== 'string') return;
    const path: JsonPath = ['slaProperties', i];
    const def = slaProperty(entry.property);
    const raw = entry.value;
    const target = typeof raw === 'number' || typeof raw === 'string' ? raw : null;
    const unit = typeof entry.unit === 'string' ? entry.unit : null;
    const element = typeof entry.element === 'string' && entry.element.trim() !== '' ? entry.element.trim() : undefined;
    const base = { target, unit, ...(element ? { element } : {}), path };
    if (!def) {
      out.push({ ...base, property: entry.property, problem: `"${entry.property}" is not an SLA property this tool knows (${knownSlaNames().slice(0, 8).join(', ')}, ...)` });
      return;
    }
    if (!MEASURABLE.has(def.kind)) return; // dates and times of day are promises, not measurements
    const targetNormalised = normaliseSlaValue(def, target, unit ?? undefined);
    if (targetNormalised === undefined) {
      const expected = def.kind === 'duration' ? 'a duration (e.g. value: 4 with unit: h, or "PT4H")' : def.kind === 'percent' ? 'a percentage (e.g. 99.9, unit %)' : 'a number';
      out.push({ ...base, property: def.name, def, problem: `${def.name} value ${JSON.stringify(target)}${unit ? ` with unit "${unit}"` : ''} is not ${expected}` });
      return;
    }
    out.push({ ...base, property: def.name, def, targetNormalised });
  });
  return out;
}

/** Lint findings for SLOs that cannot be evaluated (rules `slo/unknown-property`, `slo/not-evaluable`). */
export function sloFindings(contract: SloContract): Finding[] {
  return declaredSlos(contract)
    .filter((slo) => slo.problem)
    .map((slo) => {
      const at = contract.locate?.(slo.path) ?? { line: 1, column: 1 };
      const unknown = !slo.def;
      return {
        file: contract.file,
        line: at.line,
        column: at.column,
        rule: unknown ? 'slo/unknown-property' : 'slo/not-evaluable',
        severity: 'warning' as const,
        message: `SLO cannot be evaluated: ${slo.problem}`,
        fix: unknown
          ? 'use a property from the ODCS SLA table (latency, availability, retention, frequency, errorRate, ...) or its 2-letter synonym'
          : 'give a numeric value with a known unit (d, h, min, s, ISO-8601 like P1D, or %)',
      };
    });
}
