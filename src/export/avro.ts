// ODCS → Avro schema. Each schema object becomes a record (several objects: a union of records);
// a property that is not required becomes a union with "null" (default null); logical types map
// to Avro logical types; a string with a closed list of valid values becomes an enum.
// Lost on the way (Avro cannot say them): length/range/pattern constraints, keys, uniqueness,
// classification, tags, quality rules other than valid values.
import { validValuesOf, type OdcsContract, type OdcsObject, type OdcsProperty } from '../import/odcs-shapes.js';
import { decimalOf, optionsOf, physicalNameOf, propertiesOf, selectObjects } from './contract-objects.js';

export interface AvroExportOptions {
  /** Export only this schema object. */
  object?: string;
  /** Avro namespace; default the contract's domain. */
  namespace?: string;
}

type AvroType = string | Record<string, unknown> | AvroType[];

const AVRO_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

export function exportAvro(contract: OdcsContract, options: AvroExportOptions = {}): string {
  const objects = selectObjects(contract, options.object);
  const namespace = options.namespace ?? (typeof contract.domain === 'string' ? avroNamespace(contract.domain) : undefined);
  const names = new Set<string>();
  const records = objects.map((o) => record(o, namespace, names));
  return `${JSON.stringify(records.length === 1 ? records[0] : records, null, 2)}\n`;
}

function record(object: OdcsObject | OdcsProperty, namespace: string | undefined, names: Set<string>, prefix = ''): Record<string, unknown> {
  const name = uniqueName(avroName(prefix ? `${prefix}_${object.name}` : String(object.name)), names);
  const out: Record<string, unknown> = { type: 'record', name };
  if (namespace && !prefix) out.namespace = namespace;
  if (typeof object.description === 'string') out.doc = object.description;
  out.fields = propertiesOf(object).map((p) => field(p, name, names));
  return out;
}

function field(property: OdcsProperty, recordName: string, names: Set<string>): Record<string, unknown> {
  const type = typeOf(property, recordName, names);
  const out: Record<string, unknown> = { name: avroName(physicalNameOf(property)) };
  if (typeof property.description === 'string') out.doc = property.description;
  if (property.required === true) out.type = type;
  else {
    out.type = ['null', ...(Array.isArray(type) ? type : [type])];
    out.default = null;
  }
  return out;
}

function typeOf(property: OdcsProperty, recordName: string, names: Set<string>): AvroType {
  const options = optionsOf(property);
  switch (property.logicalType) {
    case 'string': {
      if (options.format === 'uuid') return { type: 'string', logicalType: 'uuid' };
      if (options.format === 'binary' || options.format === 'byte') return 'bytes';
      const values = validValuesOf(property);
      if (values && values.length > 0 && values.every((v) => typeof v === 'string' && AVRO_NAME.test(v)) && new Set(values).size === values.length) {
        return { type: 'enum', name: uniqueName(`${recordName}_${avroName(String(property.name ?? 'value'))}`, names), symbols: values };
      }
      return 'string';
    }
    case 'date':
      return { type: 'int', logicalType: 'date' };
    case 'timestamp':
      return { type: 'long', logicalType: options.timezone === false ? 'local-timestamp-millis' : 'timestamp-millis' };
    case 'time':
      return { type: 'int', logicalType: 'time-millis' };
    case 'integer':
      return ['i8', 'i16', 'i32', 'u8', 'u16'].includes(String(options.format)) ? 'int' : 'long';
    case 'number': {
      const decimal = decimalOf(property.physicalType);
      if (decimal) return { type: 'bytes', logicalType: 'decimal', precision: decimal.precision, scale: decimal.scale };
      return options.format === 'f32' ? 'float' : 'double';
    }
    case 'boolean':
      return 'boolean';
    case 'object':
      if (propertiesOf(property).length === 0) return { type: 'map', values: 'string' };
      return record(property, undefined, names, recordName);
    case 'array': {
      const items = property.items;
      if (!items) return { type: 'array', items: 'string' };
      const itemType = typeOf({ ...items, name: items.name ?? `${String(property.name)}_item` }, recordName, names);
      return { type: 'array', items: itemType };
    }
    default:
      return 'string';
  }
}

/** Avro names: letters, digits and underscores, not starting with a digit. */
export function avroName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '_');
  return /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned || '_';
}

function avroNamespace(domain: string): string {
  return domain.split('.').map(avroName).join('.');
}

function uniqueName(name: string, names: Set<string>): string {
  let candidate = name;
  for (let i = 2; names.has(candidate); i++) candidate = `${name}${i}`;
  names.add(candidate);
  return candidate;
}
