// Reads an observations document of any supported format into Observations. The format is
// detected from the content: native (`observations` array), dbt sources.json / freshness.json
// (`metadata.dbt_schema_version`, `results[].max_loaded_at`), Bitol ObservabilityResults
// (`kind: ObservabilityResults`). Entries that cannot be used are reported, never thrown.
import { compileValidator } from './status.js';
import { NATIVE_OBSERVATIONS_SCHEMA, type Observation } from './observations.js';
import { isRecord, type DbtSourceMapping } from './dbt-mapping.js';
import { slaProperty } from '../odcs/sla-properties.js';

export type ObservationFormat = 'native' | 'dbt' | 'observability-results';

export interface ParsedObservations {
  format: ObservationFormat | 'unknown';
  observations: Observation[];
  /** Entries skipped, each naming the source and the JSON pointer of the entry. */
  problems: string[];
}

export function detectObservationFormat(data: unknown): ObservationFormat | 'unknown' {
  if (!isRecord(data)) return 'unknown';
  if (Array.isArray(data.observations)) return 'native';
  if (data.kind === 'ObservabilityResults') return 'observability-results';
  const meta = data.metadata;
  if (isRecord(meta) && typeof meta.dbt_schema_version === 'string' && /\/(sources|freshness)\//.test(meta.dbt_schema_version)) return 'dbt';
  if (Array.isArray(data.results) && data.results.some((r) => isRecord(r) && 'unique_id' in r && ('max_loaded_at' in r || r.status === 'runtime error'))) return 'dbt';
  return 'unknown';
}

/** Parses one document. `source` names it in problems (a file path, or `stdin`). */
export function parseObservations(data: unknown, source: string, dbtMapping: DbtSourceMapping = new Map()): ParsedObservations {
  const format = detectObservationFormat(data);
  switch (format) {
    case 'native':
      return { format, ...parseNative(data as Record<string, unknown>, source) };
    case 'dbt':
      return { format, ...parseDbt(data as Record<string, unknown>, source, dbtMapping) };
    case 'observability-results':
      return { format, ...parseObservabilityResults(data as Record<string, unknown>, source) };
    default:
      return {
        format,
        observations: [],
        problems: [
          `${source}: not an observations document: expected {"observations": [...]}, a dbt sources.json, or a Bitol ObservabilityResults document (kind: ObservabilityResults)`,
        ],
      };
  }
}

let nativeItem: ((d: unknown) => string[]) | undefined;

function parseNative(data: Record<string, unknown>, source: string): Omit<ParsedObservations, 'format'> {
  nativeItem ??= compileValidator({ ...NATIVE_OBSERVATIONS_SCHEMA.properties.observations.items, $schema: undefined });
  const observations: Observation[] = [];
  const problems: string[] = [];
  (data.observations as unknown[]).forEach((entry, i) => {
    const where = `${source}#/observations/${i}`;
    const errors = nativeItem!(entry);
    if (errors.length > 0) {
      problems.push(`${where}: ${errors.map((e) => e.replace(/^\(root\)/, 'entry')).join('; ')}`);
      return;
    }
    observations.push({ ...(entry as Observation), source: where });
  });
  return { observations, problems };
}

/** dbt writes timestamps with or without a zone; without one they are UTC. */
function dbtTime(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = /(?:Z|[+-]\d\d:?\d\d)$/i.test(value) ? value : `${value}Z`;
  const t = new Date(text.replace(' ', 'T'));
  return Number.isNaN(t.getTime()) ? undefined : t.toISOString();
}

function parseDbt(data: Record<string, unknown>, source: string, mapping: DbtSourceMapping): Omit<ParsedObservations, 'format'> {
  const observations: Observation[] = [];
  const problems: string[] = [];
  const generatedAt = isRecord(data.metadata) ? dbtTime(data.metadata.generated_at) : undefined;
  const results = Array.isArray(data.results) ? data.results : [];
  results.forEach((r, i) => {
    const where = `${source}#/results/${i}`;
    if (!isRecord(r) || typeof r.unique_id !== 'string') {
      problems.push(`${where}: a dbt result needs a unique_id`);
      return;
    }
    const targets = mapping.get(r.unique_id);
    if (!targets || targets.length === 0) {
      problems.push(`${where}: dbt source ${r.unique_id} is not mapped to a contract (add it to the contract's customProperties "dbtSources", see docs/slo.md)`);
      return;
    }
    const observedAt = dbtTime(r.snapshotted_at) ?? generatedAt;
    const lastUpdated = dbtTime(r.max_loaded_at);
    if (!observedAt) {
      problems.push(`${where}: no snapshotted_at or metadata.generated_at: cannot tell when ${r.unique_id} was checked`);
      return;
    }
    for (const t of targets) {
      const base = { contract: t.contract, property: t.property, ...(t.element ? { element: t.element } : {}), observedAt, source: where };
      if (r.status === 'runtime error' || !lastUpdated) {
        const error = typeof r.error === 'string' ? r.error : typeof r.message === 'string' ? r.message : 'no max_loaded_at';
        observations.push({ ...base, verdict: 'error', note: `dbt freshness check for ${r.unique_id} failed: ${error}` });
      } else {
        observations.push({ ...base, lastUpdated });
      }
    }
  });
  return { observations, problems };
}

const OORS_UNITS: Record<string, string> = { percent: '%', percentage: '%' };

function parseObservabilityResults(data: Record<string, unknown>, source: string): Omit<ParsedObservations, 'format'> {
  const observations: Observation[] = [];
  const problems: string[] = [];
  const contract = isRecord(data.contract) && typeof data.contract.contractID === 'string' ? data.contract.contractID : undefined;
  const observedAt = typeof data.observedAt === 'string' && !Number.isNaN(new Date(data.observedAt).getTime())
    ? new Date(data.observedAt).toISOString()
    : undefined;
  if (!contract) {
    return { observations, problems: [`${source}: ObservabilityResults without contract.contractID cannot be matched to a contract SLO: skipped`] };
  }
  if (!observedAt) return { observations, problems: [`${source}: ObservabilityResults needs an ISO-8601 observedAt`] };
  const results = Array.isArray(data.results) ? data.results : [];
  results.forEach((r, i) => {
    const where = `${source}#/results/${i}`;
    if (!isRecord(r)) return void problems.push(`${where}: a result must be an object`);
    const measure = isRecord(r.measure) ? r.measure : {};
    const metric = typeof measure.metric === 'string' ? measure.metric : undefined;
    const def = metric ? (slaProperty(metric) ?? (metric === 'age' && r.dimension === 'timeliness' ? slaProperty('latency') : undefined)) : undefined;
    if (!def) {
      problems.push(`${where}: measure.metric ${JSON.stringify(metric ?? null)} is not an SLA property (latency, availability, errorRate, ... or \`age\` with dimension timeliness): skipped`);
      return;
    }
    const target = isRecord(r.target) ? r.target.resourceIdentifier : undefined;
    const element = typeof target === 'string' ? target : undefined;
    const unitRaw = typeof measure.unit === 'string' ? measure.unit : undefined;
    const unit = unitRaw ? (OORS_UNITS[unitRaw.toLowerCase()] ?? unitRaw) : undefined;
    const status = typeof r.status === 'string' ? r.status.toLowerCase() : undefined;
    const base: Observation = {
      contract,
      property: def.name,
      ...(element ? { element } : {}),
      observedAt,
      source: where,
      ...(typeof r.message === 'string' ? { note: r.message } : {}),
    };
    if (typeof measure.value === 'number' || typeof measure.value === 'string') {
      observations.push({ ...base, value: measure.value, ...(unit ? { unit } : {}) });
    } else if (status === 'pass' || status === 'fail' || status === 'warn' || status === 'error') {
      observations.push({ ...base, verdict: status });
    } else {
      problems.push(`${where}: neither measure.value nor a status pass/fail/warn/error: skipped`);
    }
  });
  return { observations, problems };
}
