// JSON Schema (draft-04 to 2020-12) → ODCS. One object schema becomes one schema object; a
// document of `$defs`/`definitions` (or a `oneOf` of `$ref`s) becomes one schema object per
// definition. Local `$ref`s are followed; keywords ODCS cannot carry are reported as notes.
import { baseName, contractFrame } from './contract-base.js';
import { isRecord, validValuesRule, type LogicalType, type OdcsObject, type OdcsProperty, type OdcsQuality } from './odcs-shapes.js';
import { parseSource, pathText, type ParsedSource, type SourcePath } from './source.js';
import type { ImportNote, ImportOptions, ImportResult } from './types.js';

const FORMAT_TYPES: Record<string, LogicalType> = { date: 'date', 'date-time': 'timestamp', time: 'time' };
const NUMBER_FORMATS: Record<string, string> = { int8: 'i8', int16: 'i16', int32: 'i32', int64: 'i64', float: 'f32', double: 'f64' };
const STRING_OPTIONS = ['minLength', 'maxLength', 'pattern'] as const;
const NUMBER_OPTIONS = ['minimum', 'maximum', 'multipleOf'] as const;
const ARRAY_OPTIONS = ['minItems', 'maxItems', 'uniqueItems'] as const;
const OBJECT_OPTIONS = ['minProperties', 'maxProperties'] as const;
/** Keywords that carry no information an ODCS contract keeps, and are dropped without a note. */
const SILENT = new Set(['$schema', '$id', 'id', '$comment', 'additionalProperties', 'unevaluatedProperties', '$defs', 'definitions', 'title', 'description', 'type', 'properties', 'required', 'items', 'format', 'enum', 'const', 'examples', 'example', '$ref', 'allOf', 'anyOf', 'oneOf', 'nullable', ...STRING_OPTIONS, ...NUMBER_OPTIONS, ...ARRAY_OPTIONS, ...OBJECT_OPTIONS, 'exclusiveMinimum', 'exclusiveMaximum']);

export function importJsonSchema(text: string, options: ImportOptions): ImportResult {
  const source = parseSource(text, options.file, /\.ya?ml$/i.test(options.file) ? 'yaml' : 'json');
  const root = source.value;
  if (!isRecord(root)) throw source.error([], 'a JSON Schema must be an object at the top level');
  const reader = new SchemaReader(source, root);
  const objects: OdcsObject[] = [];
  const fallbackName = baseName(options.file);

  if (isObjectSchema(reader.resolve(root, []).schema)) {
    objects.push(reader.object(typeof root.title === 'string' ? root.title : fallbackName, root, []));
  } else {
    const defsKey = isRecord(root.$defs) ? '$defs' : isRecord(root.definitions) ? 'definitions' : undefined;
    const choices = (Array.isArray(root.oneOf) ? root.oneOf : Array.isArray(root.anyOf) ? root.anyOf : undefined) as unknown[] | undefined;
    const choiceKey = Array.isArray(root.oneOf) ? 'oneOf' : 'anyOf';
    if (choices) {
      choices.forEach((choice, i) => {
        const resolved = reader.resolve(choice, [choiceKey, i]);
        const title = isRecord(resolved.schema) && typeof resolved.schema.title === 'string' ? resolved.schema.title : resolved.name ?? `${fallbackName}_${i + 1}`;
        if (isObjectSchema(resolved.schema)) objects.push(reader.object(title, resolved.schema, resolved.path));
      });
    } else if (defsKey) {
      for (const [key, def] of Object.entries(root[defsKey] as Record<string, unknown>)) {
        if (isObjectSchema(def)) objects.push(reader.object(isRecord(def) && typeof def.title === 'string' ? def.title : key, def as Record<string, unknown>, [defsKey, key]));
      }
    }
  }
  if (objects.length === 0) {
    throw source.error([], 'no object schema found: the top level must have "properties" (or "$defs"/"definitions" holding object schemas)');
  }
  const contract = contractFrame(
    options,
    { name: typeof root.title === 'string' ? root.title : fallbackName, ...(typeof root.description === 'string' ? { description: root.description } : {}) },
    objects,
  );
  return { contract, notes: reader.notes };
}

function isObjectSchema(schema: unknown): schema is Record<string, unknown> {
  if (!isRecord(schema)) return false;
  return schema.type === 'object' || (Array.isArray(schema.type) && schema.type.includes('object')) || isRecord(schema.properties) || Array.isArray(schema.allOf);
}

interface Resolved {
  schema: unknown;
  path: SourcePath;
  name?: string;
}

class SchemaReader {
  readonly notes: ImportNote[] = [];
  private readonly active: string[] = [];

  constructor(
    private readonly source: ParsedSource,
    private readonly root: Record<string, unknown>,
  ) {}

  /** Follows `$ref` (local JSON pointers only) until a schema without one. */
  resolve(schema: unknown, path: SourcePath, seen: string[] = []): Resolved {
    if (!isRecord(schema) || typeof schema.$ref !== 'string') return { schema, path };
    const ref = schema.$ref;
    if (!ref.startsWith('#')) {
      throw this.source.error([...path, '$ref'], `$ref "${ref}" points outside this file: bundle the schema into one file first (only "#/..." references are followed)`);
    }
    if (seen.includes(ref)) throw this.source.error([...path, '$ref'], `$ref "${ref}" forms a cycle (${[...seen, ref].join(' → ')})`);
    const segments = ref === '#' ? [] : ref.replace(/^#\/?/, '').split('/').map((s) => decodeURIComponent(s).replace(/~1/g, '/').replace(/~0/g, '~'));
    let target: unknown = this.root;
    for (const segment of segments) {
      target = isRecord(target) ? target[segment] : Array.isArray(target) ? target[Number(segment)] : undefined;
      if (target === undefined) throw this.source.error([...path, '$ref'], `$ref "${ref}" does not resolve: there is no "${segment}" in this file`);
    }
    const resolved = this.resolve(target, segments, [...seen, ref]);
    return { ...resolved, name: resolved.name ?? segments[segments.length - 1] };
  }

  object(name: string, schema: Record<string, unknown>, path: SourcePath): OdcsObject {
    const object: OdcsObject = { name, physicalType: 'object' };
    // A schema object has no logicalTypeOptions: a key required but nullable becomes required.
    const { properties: props, presentOnly } = this.properties(schema, path);
    for (const p of props) if (presentOnly.includes(p.name ?? '')) p.required = true;
    if (typeof schema.description === 'string') object.description = schema.description;
    object.properties = props;
    return object;
  }

  /**
   * The properties of an object schema, `allOf` parts merged in order. A required key whose value
   * may be null is only required to be present: ODCS says that with the object's
   * `logicalTypeOptions.required` (returned as `presentOnly`), not with `required: true`.
   */
  private properties(schema: Record<string, unknown>, path: SourcePath): { properties: OdcsProperty[]; presentOnly: string[] } {
    const merged = new Map<string, OdcsProperty>();
    const nullable = new Set<string>();
    const requiredKeys = new Set<string>();
    const collect = (part: unknown, at: SourcePath): void => {
      const { schema: s, path: p } = this.resolve(part, at);
      if (!isRecord(s)) return;
      if (Array.isArray(s.required)) for (const r of s.required) if (typeof r === 'string') requiredKeys.add(r);
      if (isRecord(s.properties)) {
        for (const [key, value] of Object.entries(s.properties)) {
          merged.set(key, this.property(key, value, [...p, 'properties', key]));
          const resolved = this.resolve(value, [...p, 'properties', key]).schema;
          if (isRecord(resolved) && this.unwrapNullable(resolved, p).nullable) nullable.add(key);
          else nullable.delete(key);
        }
      }
      if (Array.isArray(s.allOf)) s.allOf.forEach((sub, i) => collect(sub, [...p, 'allOf', i]));
    };
    collect(schema, path);
    const presentOnly: string[] = [];
    for (const key of requiredKeys) {
      const property = merged.get(key);
      if (!property) continue;
      if (nullable.has(key)) presentOnly.push(key);
      else property.required = true;
    }
    return { properties: [...merged.values()], presentOnly };
  }

  private property(name: string, raw: unknown, path: SourcePath): OdcsProperty {
    const refKey = isRecord(raw) && typeof raw.$ref === 'string' ? raw.$ref : undefined;
    if (refKey && this.active.includes(refKey)) {
      this.note(path, `recursive $ref "${refKey}" cannot be expanded in ODCS: the property is kept as an untyped object`);
      return { name, logicalType: 'object' };
    }
    if (refKey) this.active.push(refKey);
    try {
      const { schema, path: at } = this.resolve(raw, path);
      if (!isRecord(schema)) {
        if (schema === true || schema === false) return { name };
        throw this.source.error(path, `the schema of property "${name}" must be an object, got ${JSON.stringify(schema)}`);
      }
      return this.describe(name, schema, at, path);
    } finally {
      if (refKey) this.active.pop();
    }
  }

  private describe(name: string, input: Record<string, unknown>, at: SourcePath, usePath: SourcePath): OdcsProperty {
    const { schema, nullable } = this.unwrapNullable(input, at);
    const property: OdcsProperty = { name };
    const type = this.typeOf(schema, usePath);
    if (type) property.logicalType = type;
    if (typeof schema.title === 'string' && schema.title !== name) property.businessName = schema.title;
    if (typeof input.description === 'string') property.description = input.description;
    else if (typeof schema.description === 'string') property.description = schema.description;
    const options: Record<string, unknown> = {};
    const copy = (keys: readonly string[]) => {
      for (const k of keys) if (schema[k] !== undefined) options[k] = schema[k];
    };
    if (type === 'string') {
      copy(STRING_OPTIONS);
      if (typeof schema.format === 'string' && !FORMAT_TYPES[schema.format]) options.format = schema.format;
    } else if (type === 'integer' || type === 'number') {
      copy(NUMBER_OPTIONS);
      for (const k of ['exclusiveMinimum', 'exclusiveMaximum'] as const) {
        if (typeof schema[k] === 'number') options[k] = schema[k];
        else if (schema[k] === true) {
          const bound = k === 'exclusiveMinimum' ? 'minimum' : 'maximum';
          if (typeof schema[bound] === 'number') {
            options[k] = schema[bound];
            delete options[bound];
          }
        }
      }
      if (typeof schema.format === 'string') {
        if (NUMBER_FORMATS[schema.format]) options.format = NUMBER_FORMATS[schema.format];
        else this.note(usePath, `format "${schema.format}" has no ODCS equivalent for ${type}s: dropped`);
      }
    } else if (type === 'array') {
      copy(ARRAY_OPTIONS);
    } else if (type === 'object') {
      copy(OBJECT_OPTIONS);
    }
    if (Object.keys(options).length > 0) property.logicalTypeOptions = options;
    if (Array.isArray(schema.examples)) property.examples = schema.examples;
    else if (schema.example !== undefined) property.examples = [schema.example];

    const quality: OdcsQuality[] = [];
    if (Array.isArray(schema.enum)) quality.push(validValuesRule(schema.enum.filter((v) => v !== null)));
    else if (schema.const !== undefined) quality.push(validValuesRule([schema.const]));
    if (quality.length > 0) property.quality = quality;

    if (type === 'object') {
      const { properties: props, presentOnly } = this.properties(schema, at);
      if (props.length > 0) property.properties = props;
      if (presentOnly.length > 0) property.logicalTypeOptions = { ...property.logicalTypeOptions, required: presentOnly };
    }
    if (type === 'array') {
      if (Array.isArray(schema.items)) this.note([...usePath, 'items'], 'tuple validation (an array of item schemas) cannot be expressed in ODCS: only the first item schema is kept');
      const items = Array.isArray(schema.items) ? schema.items[0] : schema.items;
      if (items !== undefined) {
        const item = this.property('items', items, [...usePath, 'items']);
        delete item.name;
        property.items = item;
      }
    }
    for (const key of Object.keys(schema)) {
      if (SILENT.has(key)) continue;
      if (key === 'default') this.note([...usePath, key], `default value ${JSON.stringify(schema.default)} cannot be expressed in ODCS: dropped`);
      else if (!key.startsWith('x-')) this.note([...usePath, key], `keyword "${key}" has no ODCS equivalent: dropped`);
    }
    if (nullable) delete property.required;
    return property;
  }

  /** `type: [string, "null"]`, `anyOf: [{...}, {type: null}]` and OpenAPI's `nullable` → the non-null schema. */
  private unwrapNullable(schema: Record<string, unknown>, at: SourcePath): { schema: Record<string, unknown>; nullable: boolean } {
    for (const key of ['anyOf', 'oneOf'] as const) {
      const list = schema[key];
      if (!Array.isArray(list)) continue;
      const nonNull = list.filter((s) => !(isRecord(s) && s.type === 'null'));
      if (nonNull.length === 1 && list.length === 2) {
        const inner = this.resolve(nonNull[0], [...at, key, list.indexOf(nonNull[0])]).schema;
        if (isRecord(inner)) {
          const rest = { ...schema };
          delete rest[key];
          return { schema: { ...inner, ...rest }, nullable: true };
        }
      }
    }
    if (Array.isArray(schema.type) && schema.type.includes('null')) return { schema, nullable: true };
    return { schema, nullable: schema.nullable === true };
  }

  private typeOf(schema: Record<string, unknown>, path: SourcePath): LogicalType | undefined {
    let types = Array.isArray(schema.type) ? schema.type.filter((t) => t !== 'null') : schema.type === undefined ? [] : [schema.type];
    if (types.length > 1) {
      this.note(path, `a value of several types (${types.join(', ')}) cannot be expressed in ODCS: typed as ${types[0]}`);
      types = [types[0]];
    }
    const t = types[0];
    if (t === undefined) {
      if (isRecord(schema.properties)) return 'object';
      if (schema.items !== undefined) return 'array';
      if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === 'string')) return 'string';
      if (Array.isArray(schema.anyOf) || Array.isArray(schema.oneOf)) this.note(path, 'a choice between schemas (anyOf/oneOf) cannot be expressed in ODCS: the property is left untyped');
      return undefined;
    }
    if (t === 'string') return (typeof schema.format === 'string' && FORMAT_TYPES[schema.format]) || 'string';
    if (t === 'integer' || t === 'number' || t === 'boolean' || t === 'object' || t === 'array') return t;
    throw this.source.error([...path, 'type'], `unknown JSON Schema type ${JSON.stringify(t)}: use string, number, integer, boolean, object, array or null`);
  }

  private note(path: SourcePath, message: string): void {
    this.notes.push({ at: pathText(path), message });
  }
}
