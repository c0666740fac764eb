// A JSON Schema (draft 2020-12) for one schema object of a contract, offered as a download on the
// contract page: logical types to JSON types, required properties, logicalTypeOptions to keywords,
// nested objects and arrays. Descriptions and examples are carried over.
import { isRecord, records, str } from './values.js';

const TYPES: Record<string, { type: string; format?: string }> = {
  string: { type: 'string' },
  date: { type: 'string', format: 'date' },
  timestamp: { type: 'string', format: 'date-time' },
  time: { type: 'string', format: 'time' },
  number: { type: 'number' },
  integer: { type: 'integer' },
  boolean: { type: 'boolean' },
  object: { type: 'object' },
  array: { type: 'array' },
};

const KEYWORDS = ['pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'multipleOf', 'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties'];
const STRING_FORMATS = new Set(['email', 'uri', 'uuid', 'date', 'date-time', 'time', 'ipv4', 'ipv6', 'hostname']);

function propertySchema(property: Record<string, unknown>): Record<string, unknown> {
  const logical = str(property.logicalType) ?? (property.properties ? 'object' : property.items ? 'array' : undefined);
  const schema: Record<string, unknown> = {};
  const mapped = logical ? TYPES[logical] : undefined;
  if (mapped) {
    schema.type = property.required === true ? mapped.type : [mapped.type, 'null'];
    if (mapped.format) schema.format = mapped.format;
  }
  const description = str(property.description) ?? str(property.businessName);
  if (description) schema.description = description;
  const options = isRecord(property.logicalTypeOptions) ? property.logicalTypeOptions : {};
  for (const key of KEYWORDS) {
    const value = options[key];
    // Date bounds ("2015-01-01") are not JSON Schema numbers: keep numeric bounds only.
    if (value === undefined || (/^(minimum|maximum|exclusive)/.test(key) && typeof value !== 'number')) continue;
    schema[key] = value;
  }
  const format = str(options.format);
  if (format && mapped?.type === 'string' && STRING_FORMATS.has(format)) schema.format = format;
  if (Array.isArray(property.examples) && property.examples.length > 0) schema.examples = property.examples;
  if (logical === 'object' && property.properties) Object.assign(schema, objectBody(property.properties));
  if (logical === 'array' && isRecord(property.items)) schema.items = propertySchema({ ...property.items, required: true });
  return schema;
}

function objectBody(properties: unknown): Record<string, unknown> {
  const props: Record<string, unknown> = {};
  const required: string[] = [];
  for (const property of records(properties)) {
    const name = str(property.name);
    if (!name) continue;
    props[name] = propertySchema(property);
    if (property.required === true) required.push(name);
  }
  return { properties: props, ...(required.length ? { required } : {}), additionalProperties: false };
}

/** JSON Schema of one ODCS schema object (one row of the table/topic). */
export function objectJsonSchema(contract: Record<string, unknown>, object: Record<string, unknown>): Record<string, unknown> {
  const name = str(object.name) ?? 'object';
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    title: str(object.businessName) ?? name,
    ...(str(object.description) ? { description: str(object.description) } : {}),
    'x-contract': { id: str(contract.id), version: str(contract.version), object: name },
    type: 'object',
    ...objectBody(object.properties),
  };
}
