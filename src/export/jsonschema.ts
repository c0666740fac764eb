// ODCS schema object → JSON Schema (draft-07) describing one row/record of the object.
// Models are open (no `additionalProperties: false`): a consumer validating with the exported
// schema keeps accepting records after an optional property is added, so additive optional
// properties are not breaking. Optional properties are nullable (ODCS `required: false` means the
// value may be null). Also used by the breaking-change engine to cross-check value sets with
// json-schema-diff (see src/breaking/confirm.ts).
import type { OdcsContract } from '../import/odcs-shapes.js';
import { selectObjects } from './contract-objects.js';

export type JsonSchema = Record<string, unknown>;

export interface JsonSchemaExportOptions {
  /** Export only this schema object (by name or physicalName). */
  object?: string;
}

export const JSON_SCHEMA_DRAFT = 'http://json-schema.org/draft-07/schema#';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

/** String formats of ODCS examples that JSON Schema knows under the same or a close name. */
const STRING_FORMATS: Record<string, string> = {
  email: 'email', uuid: 'uuid', uri: 'uri', url: 'uri', hostname: 'hostname', ipv4: 'ipv4', ipv6: 'ipv6',
  'date-time': 'date-time', date: 'date', time: 'time',
};
const TEMPORAL: Record<string, string> = { date: 'date', timestamp: 'date-time', time: 'time' };
const NUMERIC_KEYS = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf'];

function validValues(property: Obj): unknown[] | undefined {
  if (!Array.isArray(property.quality)) return undefined;
  let values: unknown[] | undefined;
  for (const q of property.quality) {
    if (isObj(q) && (q.metric ?? q.rule) === 'invalidValues' && isObj(q.arguments) && Array.isArray(q.arguments.validValues)) {
      values = [...(values ?? []), ...q.arguments.validValues];
    }
  }
  return values;
}

/**
 * Properties of an object, and which are required: those marked `required: true`, plus the names an
 * object property lists in its `logicalTypeOptions.required` (present, though possibly null). A
 * primary key not marked required stays optional: lint's schema/primary-key-required asks owners
 * to say it, rather than the export guessing.
 */
function propertiesSchema(list: unknown, alsoRequired: unknown = []): { properties: Record<string, JsonSchema>; required: string[] } {
  const properties: Record<string, JsonSchema> = {};
  const required = new Set<string>();
  if (Array.isArray(list)) {
    for (const p of list) {
      if (!isObj(p) || typeof p.name !== 'string') continue;
      properties[p.name] = propertyToJsonSchema(p);
      if (p.required === true) required.add(p.name);
    }
  }
  if (Array.isArray(alsoRequired)) for (const name of alsoRequired) if (typeof name === 'string') required.add(name);
  return { properties, required: [...required] };
}

/** JSON Schema of one ODCS property (recursively for objects and arrays). */
export function propertyToJsonSchema(property: Obj, nullable = property.required !== true): JsonSchema {
  const out: JsonSchema = {};
  if (typeof property.businessName === 'string') out.title = property.businessName;
  if (typeof property.description === 'string') out.description = property.description;
  const options = isObj(property.logicalTypeOptions) ? property.logicalTypeOptions : {};
  const logical = typeof property.logicalType === 'string' ? property.logicalType : Array.isArray(property.properties) ? 'object' : undefined;
  let type: string | undefined;
  switch (logical) {
    case 'string':
      type = 'string';
      for (const k of ['minLength', 'maxLength', 'pattern'] as const) if (options[k] !== undefined) out[k] = options[k];
      if (typeof options.format === 'string' && STRING_FORMATS[options.format.toLowerCase()]) out.format = STRING_FORMATS[options.format.toLowerCase()];
      break;
    case 'date':
    case 'timestamp':
    case 'time':
      type = 'string';
      out.format = TEMPORAL[logical];
      break;
    case 'integer':
    case 'number':
      type = logical;
      for (const k of NUMERIC_KEYS) if (typeof options[k] === 'number') out[k] = options[k];
      break;
    case 'boolean':
      type = 'boolean';
      break;
    case 'object': {
      type = 'object';
      const { properties, required } = propertiesSchema(property.properties, options.required);
      out.properties = properties;
      if (required.length) out.required = required;
      for (const k of ['minProperties', 'maxProperties'] as const) if (typeof options[k] === 'number') out[k] = options[k];
      break;
    }
    case 'array':
      type = 'array';
      if (isObj(property.items)) out.items = propertyToJsonSchema(property.items, property.items.required === false);
      for (const k of ['minItems', 'maxItems', 'uniqueItems'] as const) if (options[k] !== undefined) out[k] = options[k];
      break;
    default:
      break; // no logicalType: any value
  }
  if (type) out.type = nullable ? [type, 'null'] : type;
  const values = validValues(property);
  if (values) out.enum = nullable ? [...values, null] : values;
  if (Array.isArray(property.examples) && property.examples.length) out.examples = property.examples;
  return out;
}

/** JSON Schema of one record of a schema object (open model). */
export function objectToJsonSchema(object: Obj): JsonSchema {
  const { properties, required } = propertiesSchema(object.properties);
  const out: JsonSchema = { type: 'object' };
  if (typeof object.name === 'string') out.title = object.name;
  if (typeof object.description === 'string') out.description = object.description;
  out.properties = properties;
  if (required.length) out.required = required;
  return out;
}

/**
 * The contract as JSON Schema: with one object (or `options.object`) the schema of one record;
 * with several, a document whose properties are arrays of each object's records (`definitions`).
 */
export function contractToJsonSchema(contract: OdcsContract, options: JsonSchemaExportOptions = {}): JsonSchema {
  const objects = selectObjects(contract, options.object) as unknown as Obj[];
  const header: JsonSchema = { $schema: JSON_SCHEMA_DRAFT };
  if (typeof contract.id === 'string') header.$id = `urn:odcs:${contract.id}:${String(contract.version ?? '')}${objects.length === 1 && options.object ? `:${objects[0].name}` : ''}`;
  if (objects.length === 1) return { ...header, ...objectToJsonSchema(objects[0]) };
  const definitions: Record<string, JsonSchema> = {};
  const properties: Record<string, JsonSchema> = {};
  for (const o of objects) {
    const name = String(o.name);
    definitions[name] = objectToJsonSchema(o);
    properties[name] = { type: 'array', items: { $ref: `#/definitions/${name.replace(/~/g, '~0').replace(/\//g, '~1')}` } };
  }
  const out: JsonSchema = { ...header, type: 'object' };
  if (typeof contract.name === 'string') out.title = contract.name;
  out.properties = properties;
  out.definitions = definitions;
  return out;
}

export function exportJsonSchema(contract: OdcsContract, options: JsonSchemaExportOptions = {}): string {
  return JSON.stringify(contractToJsonSchema(contract, options), null, 2) + '\n';
}
