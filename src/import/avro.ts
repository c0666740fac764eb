// Avro schema (.avsc) → ODCS. A record becomes a schema object (a union of records, one object
// each); its fields become properties. A field is required unless its type is a union with
// "null". Logical types map to ODCS ones (date, timestamp-*, time-*, uuid, decimal).
import avro from 'avsc';
import { baseName, contractFrame } from './contract-base.js';
import { isRecord, validValuesRule, type OdcsObject, type OdcsProperty } from './odcs-shapes.js';
import { parseSource, pathText, type ParsedSource, type SourcePath } from './source.js';
import type { ImportNote, ImportOptions, ImportResult } from './types.js';

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);

export function importAvro(text: string, options: ImportOptions): ImportResult {
  const source = parseSource(text, options.file, 'json');
  const root = source.value;
  const reader = new AvroReader(source);
  reader.register(root, []);
  const records: { schema: Record<string, unknown>; path: SourcePath }[] = [];
  if (Array.isArray(root)) {
    root.forEach((branch, i) => {
      if (isRecord(branch) && branch.type === 'record') records.push({ schema: branch, path: [i] });
    });
  } else if (isRecord(root) && root.type === 'record') {
    records.push({ schema: root, path: [] });
  }
  if (records.length === 0) {
    throw source.error([], 'an Avro schema to import must be a record (or a union of records): e.g. {"type": "record", "name": "Order", "fields": [...]}');
  }
  const objects = records.map(({ schema, path }) => reader.object(schema, path));
  // Our own walk has located the common mistakes; the Avro library has the final word on the rest.
  try {
    avro.Type.forSchema(root as avro.Schema, { wrapUnions: false });
  } catch (err) {
    throw source.error([], `not a valid Avro schema: ${(err as Error).message}`);
  }
  const first = records[0].schema;
  const contract = contractFrame(
    options,
    { name: records.length === 1 ? String(first.name) : baseName(options.file), ...(records.length === 1 && typeof first.doc === 'string' ? { description: first.doc } : {}) },
    objects,
  );
  return { contract, notes: reader.notes };
}

class AvroReader {
  readonly notes: ImportNote[] = [];
  private readonly named = new Map<string, { schema: Record<string, unknown>; path: SourcePath }>();
  private readonly expanding: string[] = [];

  constructor(private readonly source: ParsedSource) {}

  /** Collects named types (record, enum, fixed) so references by name resolve; checks their shape. */
  register(schema: unknown, path: SourcePath, namespace?: string): void {
    if (Array.isArray(schema)) {
      schema.forEach((s, i) => this.register(s, [...path, i], namespace));
      return;
    }
    if (typeof schema === 'string' || schema === null || schema === undefined) return;
    if (!isRecord(schema)) throw this.source.error(path, `an Avro type must be a name, an object or a union (array), got ${JSON.stringify(schema)}`);
    const type = schema.type;
    if (type === 'record' || type === 'error' || type === 'enum' || type === 'fixed') {
      if (typeof schema.name !== 'string' || schema.name === '') throw this.source.error(path, `a ${type} needs a "name"`);
      const ns = typeof schema.namespace === 'string' ? schema.namespace : namespace;
      const full = schema.name.includes('.') || !ns ? schema.name : `${ns}.${schema.name}`;
      this.named.set(full, { schema, path });
      this.named.set(schema.name.split('.').pop() as string, { schema, path });
      if (type === 'record' || type === 'error') {
        if (!Array.isArray(schema.fields)) throw this.source.error(path, `record "${schema.name}" needs a "fields" array`);
        schema.fields.forEach((field, i) => {
          const at = [...path, 'fields', i];
          if (!isRecord(field) || typeof field.name !== 'string') throw this.source.error(at, `field ${i} of record "${schema.name}" needs a "name"`);
          if (field.type === undefined) throw this.source.error(at, `field "${field.name}" of record "${schema.name}" needs a "type"`);
          this.register(field.type, [...at, 'type'], ns);
        });
      }
      if (type === 'enum' && !Array.isArray(schema.symbols)) throw this.source.error(path, `enum "${schema.name}" needs a "symbols" array`);
      return;
    }
    if (type === 'array') this.register(schema.items, [...path, 'items'], namespace);
    else if (type === 'map') this.register(schema.values, [...path, 'values'], namespace);
    else if (isRecord(type) || Array.isArray(type)) this.register(type, [...path, 'type'], namespace);
    else if (typeof type !== 'string') throw this.source.error(path, 'an Avro type object needs a "type"');
  }

  object(record: Record<string, unknown>, path: SourcePath): OdcsObject {
    const object: OdcsObject = { name: String(record.name), physicalType: 'record' };
    if (typeof record.doc === 'string') object.description = record.doc;
    object.properties = this.fields(record, path);
    return object;
  }

  private fields(record: Record<string, unknown>, path: SourcePath): OdcsProperty[] {
    return (record.fields as Record<string, unknown>[]).map((field, i) => {
      const at = [...path, 'fields', i];
      const property = this.type(field.type, [...at, 'type'], true);
      const result: OdcsProperty = { name: String(field.name), ...property };
      if (typeof field.doc === 'string') result.description = field.doc;
      if (field.default !== undefined && field.default !== null) this.note([...at, 'default'], `default value ${JSON.stringify(field.default)} cannot be expressed in ODCS: dropped`);
      if (Array.isArray(field.aliases) && field.aliases.length > 0) this.note([...at, 'aliases'], `aliases (${field.aliases.join(', ')}) are not carried: record renames with ODCS property ids instead`);
      return reorder(result);
    });
  }

  /** ODCS description of an Avro type; `top` marks a field's own type (where null-unions mean optional). */
  private type(schema: unknown, path: SourcePath, top: boolean): Omit<OdcsProperty, 'name'> {
    if (Array.isArray(schema)) {
      const nonNull = schema.map((s, i) => ({ s, i })).filter(({ s }) => s !== 'null' && !(isRecord(s) && s.type === 'null'));
      const nullable = nonNull.length < schema.length;
      if (nonNull.length === 0) return {};
      if (nonNull.length > 1) this.note(path, `a union of ${nonNull.length} non-null types cannot be expressed in ODCS: typed as its first branch`);
      const inner = this.type(nonNull[0].s, [...path, nonNull[0].i], false);
      return top && !nullable ? { ...inner, required: true } : inner;
    }
    const base = this.bare(schema, path);
    return top ? { ...base, required: true } : base;
  }

  private bare(schema: unknown, path: SourcePath): Omit<OdcsProperty, 'name'> {
    if (typeof schema === 'string') {
      if (PRIMITIVES.has(schema)) return primitive(schema);
      const named = this.named.get(schema);
      if (!named) throw this.source.error(path, `unknown Avro type "${schema}": define it before use or use a primitive (${[...PRIMITIVES].join(', ')})`);
      return this.namedType(named.schema, named.path, schema);
    }
    if (!isRecord(schema)) throw this.source.error(path, `an Avro type must be a name, an object or a union, got ${JSON.stringify(schema)}`);
    const logical = typeof schema.logicalType === 'string' ? schema.logicalType : undefined;
    const type = schema.type;
    if (logical) {
      const mapped = logicalType(logical, schema);
      if (mapped) return mapped;
      this.note(path, `Avro logical type "${logical}" has no ODCS equivalent: imported as its underlying type`);
    }
    if (typeof type === 'string' && PRIMITIVES.has(type)) return primitive(type);
    if (type === 'record' || type === 'error' || type === 'enum' || type === 'fixed') return this.namedType(schema, path, String(schema.name));
    if (type === 'array') {
      const items = this.type(schema.items, [...path, 'items'], false);
      return { logicalType: 'array', items: reorder(items) };
    }
    if (type === 'map') {
      this.note(path, 'an Avro map (string keys → values) has no ODCS equivalent: imported as an object without properties');
      return { logicalType: 'object', physicalType: 'map' };
    }
    return this.bare(type, [...path, 'type']);
  }

  private namedType(schema: Record<string, unknown>, path: SourcePath, name: string): Omit<OdcsProperty, 'name'> {
    if (schema.type === 'enum') {
      const result: Omit<OdcsProperty, 'name'> = { logicalType: 'string', physicalType: 'enum', quality: [validValuesRule(schema.symbols as unknown[])] };
      return result;
    }
    if (schema.type === 'fixed') return { logicalType: 'string', physicalType: `fixed(${String(schema.size)})`, logicalTypeOptions: { format: 'binary' } };
    if (this.expanding.includes(name)) {
      this.note(path, `recursive record "${name}" cannot be expanded in ODCS: kept as an object without properties`);
      return { logicalType: 'object', physicalType: 'record' };
    }
    this.expanding.push(name);
    try {
      const result: Omit<OdcsProperty, 'name'> = { logicalType: 'object', physicalType: 'record', properties: this.fields(schema, path) };
      return result;
    } finally {
      this.expanding.pop();
    }
  }

  private note(path: SourcePath, message: string): void {
    this.notes.push({ at: pathText(path), message });
  }
}

function primitive(name: string): Omit<OdcsProperty, 'name'> {
  switch (name) {
    case 'boolean':
      return { logicalType: 'boolean' };
    case 'int':
      return { logicalType: 'integer', logicalTypeOptions: { format: 'i32' } };
    case 'long':
      return { logicalType: 'integer', logicalTypeOptions: { format: 'i64' } };
    case 'float':
      return { logicalType: 'number', logicalTypeOptions: { format: 'f32' } };
    case 'double':
      return { logicalType: 'number', logicalTypeOptions: { format: 'f64' } };
    case 'bytes':
      return { logicalType: 'string', physicalType: 'bytes', logicalTypeOptions: { format: 'binary' } };
    case 'string':
      return { logicalType: 'string' };
    default:
      return {};
  }
}

function logicalType(name: string, schema: Record<string, unknown>): Omit<OdcsProperty, 'name'> | undefined {
  switch (name) {
    case 'date':
      return { logicalType: 'date' };
    case 'timestamp-millis':
    case 'timestamp-micros':
    case 'timestamp-nanos':
      return { logicalType: 'timestamp', logicalTypeOptions: { timezone: true } };
    case 'local-timestamp-millis':
    case 'local-timestamp-micros':
      return { logicalType: 'timestamp', logicalTypeOptions: { timezone: false } };
    case 'time-millis':
    case 'time-micros':
      return { logicalType: 'time' };
    case 'uuid':
      return { logicalType: 'string', logicalTypeOptions: { format: 'uuid' } };
    case 'decimal': {
      const precision = typeof schema.precision === 'number' ? schema.precision : undefined;
      const scale = typeof schema.scale === 'number' ? schema.scale : 0;
      return precision ? { logicalType: 'number', physicalType: `decimal(${precision},${scale})` } : { logicalType: 'number' };
    }
    default:
      return undefined;
  }
}

/** Key order a reader expects: name, type, then the rest. */
function reorder<T extends Partial<OdcsProperty>>(p: T): T {
  const order = ['name', 'logicalType', 'physicalType', 'description', 'required', 'logicalTypeOptions', 'items', 'properties', 'quality'];
  const out: Record<string, unknown> = {};
  for (const k of order) if (p[k] !== undefined) out[k] = p[k];
  for (const [k, v] of Object.entries(p)) if (!(k in out) && v !== undefined) out[k] = v;
  return out as T;
}
