// Observations: measured values of SLA properties, whatever tool produced them. Every input
// format (our native JSON, dbt's sources.json, Bitol ObservabilityResults) is parsed into this
// one shape before evaluation. The native JSON format is public: its types and JSON Schema live here.

/** One entry of the native `{"observations": [...]}` document (the documented input format). */
export interface NativeObservation {
  /** Contract id (ODCS `id`). */
  contract: string;
  /** SLA property name or synonym: `latency`, `ly`, `freshness`, `availability`, `errorRate`, ... */
  property: string;
  /** Optional `table.column` the measurement is about (matches the SLA `element`). */
  element?: string;
  /** The measured value (`3`, `"3h"`, `"PT3H"`, `99.2`, `"99.2%"`). */
  value?: number | string;
  /** Unit of `value` when it is a bare number (`h`, `min`, `%`, ...). */
  unit?: string;
  /** For latency/freshness: when the data was last updated; the age is measured against `--now`. */
  lastUpdated?: string;
  /** When the measurement was taken. */
  observedAt: string;
}

export interface NativeObservationsDocument {
  observations: NativeObservation[];
}

/** What the evaluator consumes: a native observation plus what other formats can tell. */
export interface Observation extends NativeObservation {
  /**
   * A verdict the producing tool already reached when it reported no comparable value
   * (ObservabilityResults `status` without `measure.value`). `error` means the check itself failed.
   */
  verdict?: 'pass' | 'fail' | 'warn' | 'error';
  /** Free text from the producing tool (dbt runtime errors, ObservabilityResults `message`). */
  note?: string;
  /** Where the observation came from, for messages: `observations.json#/observations/3`. */
  source?: string;
}

/** JSON Schema (draft-07) of the native observations document. */
export const NATIVE_OBSERVATIONS_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://mesh-contracts.dev/schemas/slo-observations.json',
  title: 'SLO observations',
  type: 'object',
  required: ['observations'],
  properties: {
    observations: {
      type: 'array',
      items: {
        type: 'object',
        required: ['contract', 'property', 'observedAt'],
        properties: {
          contract: { type: 'string', minLength: 1 },
          property: { type: 'string', minLength: 1 },
          element: { type: 'string' },
          value: { type: ['number', 'string'] },
          unit: { type: 'string' },
          lastUpdated: { type: 'string', format: 'date-time' },
          observedAt: { type: 'string', format: 'date-time' },
        },
        oneOf: [{ required: ['value'] }, { required: ['lastUpdated'] }],
        additionalProperties: false,
      },
    },
  },
  additionalProperties: true,
} as const;
