// The parts of an ODCS v3.1.0 contract that importers build and exporters read, typed once.
// Field names are the standard's own; anything else a contract holds passes through untouched.

export type LogicalType = 'string' | 'date' | 'timestamp' | 'time' | 'number' | 'integer' | 'object' | 'array' | 'boolean';

export const LOGICAL_TYPES: readonly LogicalType[] = ['string', 'date', 'timestamp', 'time', 'number', 'integer', 'object', 'array', 'boolean'];

export interface OdcsQuality {
  type?: 'text' | 'library' | 'sql' | 'custom';
  metric?: string;
  description?: string;
  arguments?: Record<string, unknown>;
  query?: string;
  engine?: string;
  implementation?: string | Record<string, unknown>;
  mustBe?: unknown;
  mustNotBe?: unknown;
  mustBeGreaterThan?: number;
  mustBeGreaterOrEqualTo?: number;
  mustBeLessThan?: number;
  mustBeLessOrEqualTo?: number;
  mustBeBetween?: [number, number];
  mustNotBeBetween?: [number, number];
  [key: string]: unknown;
}

export interface OdcsProperty {
  id?: string;
  name?: string;
  businessName?: string;
  description?: string;
  logicalType?: LogicalType;
  logicalTypeOptions?: Record<string, unknown>;
  physicalType?: string;
  physicalName?: string;
  required?: boolean;
  unique?: boolean;
  primaryKey?: boolean;
  primaryKeyPosition?: number;
  classification?: string;
  tags?: string[];
  examples?: unknown[];
  properties?: OdcsProperty[];
  items?: OdcsProperty;
  quality?: OdcsQuality[];
  customProperties?: { property: string; value: unknown }[];
  [key: string]: unknown;
}

export interface OdcsObject {
  id?: string;
  name: string;
  physicalName?: string;
  physicalType?: string;
  businessName?: string;
  description?: string;
  logicalType?: 'object';
  properties?: OdcsProperty[];
  quality?: OdcsQuality[];
  tags?: string[];
  [key: string]: unknown;
}

export interface OdcsContract {
  apiVersion: string;
  kind: 'DataContract';
  id: string;
  name?: string;
  version: string;
  status: string;
  domain?: string;
  dataProduct?: string;
  tenant?: string;
  description?: { purpose?: string; usage?: string; limitations?: string; [key: string]: unknown };
  tags?: string[];
  schema?: OdcsObject[];
  servers?: Record<string, unknown>[];
  support?: Record<string, unknown>[];
  team?: Record<string, unknown> | Record<string, unknown>[];
  slaProperties?: Record<string, unknown>[];
  customProperties?: { property: string; value: unknown; description?: string }[];
  [key: string]: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The quality rule that says "only these values": ODCS's `invalidValues` metric with `validValues`. */
export function validValuesRule(values: readonly unknown[]): OdcsQuality {
  return { type: 'library', metric: 'invalidValues', arguments: { validValues: [...values] }, mustBe: 0 };
}

/** The allowed values a property declares through an `invalidValues` + `validValues` quality rule. */
export function validValuesOf(property: Pick<OdcsProperty, 'quality'>): unknown[] | undefined {
  for (const q of property.quality ?? []) {
    const values = q.arguments?.validValues;
    if (q.metric === 'invalidValues' && Array.isArray(values) && (q.mustBe === 0 || q.mustBeLessOrEqualTo === 0)) return values;
  }
  return undefined;
}

/** True when a property-level rule asserts "no nulls" (`nullValues` must be 0). */
export function hasNoNullsRule(property: Pick<OdcsProperty, 'quality'>): boolean {
  return (property.quality ?? []).some((q) => q.metric === 'nullValues' && q.mustBe === 0);
}

/** True when a property-level rule asserts "no duplicates" (`duplicateValues` must be 0). */
export function hasNoDuplicatesRule(property: Pick<OdcsProperty, 'quality'>): boolean {
  return (property.quality ?? []).some((q) => q.metric === 'duplicateValues' && q.mustBe === 0);
}
