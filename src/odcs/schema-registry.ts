// Which official ODCS JSON Schema validates which apiVersion.
// The registry is data: the schema files in schemas/odcs/ are precompiled by
// scripts/precompile-schemas.mjs into src/odcs/generated/, which lists every schema that is the
// newest one for at least one apiVersion (the standard's rule: validate against the latest schema
// that lists the document's apiVersion). Adding ODCS v3.2.0 = drop its file into schemas/odcs/ and
// run `npm run precompile-schemas`.
import type { ValidateFunction } from 'ajv';
import { PRECOMPILED_SCHEMAS } from './generated/index.js';

export interface OdcsSchema {
  /** Version of the schema, e.g. "3.1.0". */
  version: string;
  /** The official schema file it was compiled from, relative to the repository root. */
  file: string;
  /** The official JSON Schema, unchanged. */
  schema: Record<string, unknown>;
  /** Ajv (draft 2019-09, allErrors, ajv-formats) validation function, compiled once per process. */
  validate: ValidateFunction;
}

const BY_API_VERSION: ReadonlyMap<string, OdcsSchema> = new Map(
  PRECOMPILED_SCHEMAS.flatMap((s) => s.apiVersions.map((v) => [v, s] as const)),
);

/** Every apiVersion value some schema accepts, newest first (e.g. v3.1.0, v3.0.2, ..., v2.2.0). */
export function supportedApiVersions(): string[] {
  return [...BY_API_VERSION.keys()];
}

/** The schema a document declaring `apiVersion` is validated against, if any. */
export function schemaForApiVersion(apiVersion: unknown): OdcsSchema | undefined {
  return typeof apiVersion === 'string' ? BY_API_VERSION.get(apiVersion) : undefined;
}

/** The newest schema: used to report every other problem of a document with an unknown apiVersion. */
export function latestSchema(): OdcsSchema {
  const latest = PRECOMPILED_SCHEMAS[0];
  if (!latest) throw new Error('no ODCS schema is registered: run `npm run precompile-schemas`');
  return latest;
}
