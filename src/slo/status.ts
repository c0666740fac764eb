// The SLO status report: what `mesh slo evaluate` writes (slo-status.json), what the bot and the
// site read. Public shape: the TypeScript types and the JSON Schema below describe the same thing
// and docs/slo.md shows an example that a test validates against SLO_STATUS_SCHEMA.
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

export type SloStatus = 'met' | 'at-risk' | 'breached' | 'unknown';

export const SLO_STATUSES: readonly SloStatus[] = ['met', 'at-risk', 'breached', 'unknown'];

export interface SloResult {
  /** Contract id (ODCS `id`). */
  contract: string;
  /** Canonical SLA property name (`latency`, `availability`, ...; synonyms like `ly` are resolved). */
  property: string;
  /** The declared `value` of the SLA property, as written in the contract. */
  target: number | string | null;
  /** The declared `unit`, or null when the contract gave none. */
  unit: string | null;
  /** The observed value, expressed in the target's unit when it has one; null when unknown. */
  observed: number | string | null;
  status: SloStatus;
  /** ISO-8601 time of the observation used, null when none was used. */
  observedAt: string | null;
  /** One line a human can act on. */
  message: string;
  /** The SLA `element` (e.g. `orders.order_ts`), when the SLO is declared on one. */
  element?: string;
  /** Target and observation as comparable numbers (`normalisedUnit`: `s` for durations, `%`, or `count`). */
  targetNormalised?: number | null;
  observedNormalised?: number | null;
  normalisedUnit?: 's' | '%' | 'count' | null;
  /** Contract file, relative to the repository root, `/` separators. */
  file?: string;
  /** Domain folder of the contract. */
  domain?: string;
  /** Product name shown to people (ODCS `dataProduct`, else `name`, else the id). */
  product?: string;
  /** ODCS team name. */
  team?: string;
  /** GitHub logins of the contract's current team members (assignee candidates). */
  assignees?: string[];
  /** CODEOWNERS owners of the contract file (`@org/team`, `@user`). */
  owners?: string[];
}

export interface SloStatusReport {
  /** ISO-8601 time the evaluation ran for (`--now`). */
  evaluatedAt: string;
  results: SloResult[];
}

const nullable = (type: string) => ({ type: [type, 'null'] });

/** JSON Schema (draft-07) of slo-status.json. */
export const SLO_STATUS_SCHEMA = {
  $schema: 'http://json-schema.org/draft-07/schema#',
  $id: 'https://mesh-contracts.dev/schemas/slo-status.json',
  title: 'SLO status report',
  type: 'object',
  required: ['evaluatedAt', 'results'],
  properties: {
    evaluatedAt: { type: 'string', format: 'date-time' },
    results: {
      type: 'array',
      items: {
        type: 'object',
        required: ['contract', 'property', 'target', 'unit', 'observed', 'status', 'observedAt', 'message'],
        properties: {
          contract: { type: 'string', minLength: 1 },
          property: { type: 'string', minLength: 1 },
          target: { type: ['number', 'string', 'null'] },
          unit: nullable('string'),
          observed: { type: ['number', 'string', 'null'] },
          status: { enum: [...SLO_STATUSES] },
          observedAt: { anyOf: [{ type: 'string', format: 'date-time' }, { type: 'null' }] },
          message: { type: 'string' },
          element: { type: 'string' },
          targetNormalised: nullable('number'),
          observedNormalised: nullable('number'),
          normalisedUnit: { enum: ['s', '%', 'count', null] },
          file: { type: 'string' },
          domain: { type: 'string' },
          product: { type: 'string' },
          team: { type: 'string' },
          assignees: { type: 'array', items: { type: 'string' } },
          owners: { type: 'array', items: { type: 'string' } },
        },
        additionalProperties: true,
      },
    },
  },
  additionalProperties: true,
} as const;

/** Stable key of one SLO: `contract/property` or `contract/property/element`. */
export function sloKey(result: Pick<SloResult, 'contract' | 'property' | 'element'>): string {
  return result.element ? `${result.contract}/${result.property}/${result.element}` : `${result.contract}/${result.property}`;
}

let statusValidator: ((data: unknown) => string[]) | undefined;

/** Problems with a parsed slo-status.json (empty when it conforms to SLO_STATUS_SCHEMA). */
export function validateSloStatusReport(data: unknown): string[] {
  statusValidator ??= compileValidator(SLO_STATUS_SCHEMA);
  return statusValidator(data);
}

/** Compiles a draft-07 schema into a function returning readable problems (`/results/0/status: must be ...`). */
export function compileValidator(schema: object): (data: unknown) => string[] {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (data) =>
    validate(data) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath || '(root)'}: ${e.message ?? 'is invalid'}`);
}
