// Unit normalisation for SLA values: durations (ISO-8601 and the short units ODCS examples use),
// percentages and plain counts. Breaking-change rules and SLO evaluation compare values through
// these functions, so "24h" and "1d" and "P1D" are the same promise.

const SECONDS_PER: Record<string, number> = {
  ms: 0.001,
  s: 1,
  m: 60, // ODCS examples use `m` for minutes; months are `mo`/`month`
  h: 3600,
  d: 86_400,
  w: 604_800,
  mo: 2_592_000, // 30 days: retention and frequency are rough calendar units
  y: 31_536_000, // 365 days
};

const DURATION_UNIT_ALIASES: Record<string, keyof typeof SECONDS_PER> = {
  ms: 'ms', msec: 'ms', millisecond: 'ms', milliseconds: 'ms',
  s: 's', sec: 's', secs: 's', second: 's', seconds: 's',
  m: 'm', min: 'm', mins: 'm', minute: 'm', minutes: 'm',
  h: 'h', hr: 'h', hrs: 'h', hour: 'h', hours: 'h',
  d: 'd', day: 'd', days: 'd',
  w: 'w', wk: 'w', week: 'w', weeks: 'w',
  mo: 'mo', mon: 'mo', month: 'mo', months: 'mo',
  y: 'y', yr: 'y', yrs: 'y', year: 'y', years: 'y',
};

const ISO_DURATION =
  /^P(?:(\d+(?:[.,]\d+)?)Y)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)W)?(?:(\d+(?:[.,]\d+)?)D)?(?:T(?:(\d+(?:[.,]\d+)?)H)?(?:(\d+(?:[.,]\d+)?)M)?(?:(\d+(?:[.,]\d+)?)S)?)?$/i;

/** Canonical duration unit for an alias (`days` → `d`), or undefined when it is not a duration unit. */
export function durationUnit(unit: string): keyof typeof SECONDS_PER | undefined {
  return DURATION_UNIT_ALIASES[unit.trim().toLowerCase()];
}

export function isDurationUnit(unit: string): boolean {
  return durationUnit(unit) !== undefined;
}

/** Seconds in an ISO-8601 duration such as `P3Y`, `PT15M`, `P1DT12H`; undefined if malformed. */
export function parseIsoDuration(text: string): number | undefined {
  const m = ISO_DURATION.exec(text.trim());
  if (!m || text.trim().toUpperCase() === 'P' || /T$/i.test(text.trim())) return undefined;
  const n = (i: number) => (m[i] ? Number(m[i].replace(',', '.')) : 0);
  return (
    n(1) * SECONDS_PER.y + n(2) * SECONDS_PER.mo + n(3) * SECONDS_PER.w + n(4) * SECONDS_PER.d +
    n(5) * SECONDS_PER.h + n(6) * SECONDS_PER.m + n(7) * SECONDS_PER.s
  );
}

/**
 * Seconds for a duration given as a value and an optional unit. Accepts `value: 4, unit: d`,
 * `value: "4d"`, `value: "4 days"`, `value: "P4D"`. Undefined when it is not a duration.
 */
export function toSeconds(value: unknown, unit?: string): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    if (unit === undefined) return undefined;
    const iso = parseIsoDuration(unit);
    if (iso !== undefined) return value * iso; // unit written as `PT1H` means "in hours"
    const canonical = durationUnit(unit);
    return canonical === undefined ? undefined : value * SECONDS_PER[canonical];
  }
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  if (/^P/i.test(text)) return parseIsoDuration(text);
  const m = /^(-?\d+(?:\.\d+)?)\s*([A-Za-z]+)?$/.exec(text);
  if (!m) return undefined;
  return toSeconds(Number(m[1]), m[2] ?? unit);
}

/** Human form of a number of seconds, in the largest unit that divides it (`86400` → `1d`). */
export function formatSeconds(seconds: number): string {
  for (const unit of ['y', 'd', 'h', 'm', 's'] as const) {
    const size = SECONDS_PER[unit];
    if (seconds >= size && Number.isInteger(seconds / size)) return `${seconds / size}${unit}`;
  }
  return `${seconds}s`;
}

/** Percent value for availability-like numbers: `99.9`, `"99.9%"`, unit `%` or `percent`. */
export function toPercent(value: unknown, unit?: string): number | undefined {
  const unitOk = unit === undefined || /^(%|percent|percentage|pct)$/i.test(unit.trim());
  if (!unitOk) return undefined;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string') {
    const m = /^(-?\d+(?:\.\d+)?)\s*%?$/.exec(value.trim());
    return m ? Number(m[1]) : undefined;
  }
  return undefined;
}

/** Plain number (throughput, counts): numbers or numeric strings. */
export function toNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && /^-?\d+(?:\.\d+)?$/.test(value.trim())) return Number(value.trim());
  return undefined;
}
