// Data Contract Specification (`dataContractSpecification: 0.9.x / 1.x` documents) → ODCS v3.1.0.
// info → name/version/status/description, terms → description usage/limitations, contact →
// support, servers → servers, models/fields → schema/properties (definitions `$ref`s followed),
// servicelevels → slaProperties, quality → quality rules. What ODCS cannot hold becomes a note.
import { durationUnit, parseIsoDuration } from '../odcs/units.js';
import { baseName, contractFrame, contractId } from './contract-base.js';
import { isRecord, validValuesRule, type LogicalType, type OdcsObject, type OdcsProperty, type OdcsQuality } from './odcs-shapes.js';
import { parseSource, pathText, type ParsedSource, type SourcePath } from './source.js';
import { logicalFromSqlType } from './sql-types.js';
import type { ImportNote, ImportOptions, ImportResult } from './types.js';

const TYPES: Record<string, LogicalType> = {
  string: 'string', text: 'string', varchar: 'string', bytes: 'string',
  number: 'number', decimal: 'number', numeric: 'number', float: 'number', double: 'number',
  int: 'integer', integer: 'integer', long: 'integer', bigint: 'integer',
  boolean: 'boolean',
  timestamp: 'timestamp', timestamp_tz: 'timestamp', timestamp_ntz: 'timestamp',
  date: 'date', time: 'time',
  array: 'array',
  object: 'object', record: 'object', struct: 'object', map: 'object',
};

const SERVER_TYPES: Record<string, string> = {
  postgres: 'postgresql', postgresql: 'postgresql', s3: 's3', snowflake: 'snowflake', bigquery: 'bigquery', databricks: 'databricks',
  redshift: 'redshift', kafka: 'kafka', sqlserver: 'sqlserver', azure: 'azure', trino: 'trino', local: 'local', duckdb: 'duckdb',
  glue: 'glue', athena: 'athena', mysql: 'mysql', oracle: 'oracle', pubsub: 'pubsub', kinesis: 'kinesis', sftp: 'sftp', api: 'api',
  clickhouse: 'clickhouse', dremio: 'dremio', synapse: 'synapse', vertica: 'vertica', hive: 'hive', impala: 'impala', presto: 'presto', db2: 'db2',
};

/** Server fields whose meaning is the same in both standards. */
const SERVER_FIELDS = ['environment', 'description', 'host', 'port', 'database', 'schema', 'project', 'dataset', 'account', 'catalog', 'location', 'format', 'delimiter', 'topic', 'path', 'warehouse', 'region', 'stream'];

const FIELD_OPTIONS = ['minLength', 'maxLength', 'pattern', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum'] as const;
const KNOWN_FIELD_KEYS = new Set(['type', 'description', 'title', 'required', 'unique', 'primaryKey', 'primary', 'format', 'enum', 'pii', 'classification', 'tags', 'items', 'fields', 'precision', 'scale', 'examples', 'example', 'quality', 'references', '$ref', 'config', 'lineage', ...FIELD_OPTIONS]);

export function importDcs(text: string, options: ImportOptions): ImportResult {
  const source = parseSource(text, options.file, /\.json$/i.test(options.file) ? 'json' : 'yaml');
  const root = source.value;
  if (!isRecord(root) || root.dataContractSpecification === undefined) {
    throw source.error([], 'not a Data Contract Specification document: the top level needs "dataContractSpecification: <version>"');
  }
  const reader = new DcsReader(source, root);
  return reader.read(options);
}

class DcsReader {
  readonly notes: ImportNote[] = [];
  constructor(
    private readonly source: ParsedSource,
    private readonly root: Record<string, unknown>,
  ) {}

  read(options: ImportOptions): ImportResult {
    const root = this.root;
    const info = isRecord(root.info) ? root.info : {};
    const models = root.models;
    if (!isRecord(models) || Object.keys(models).length === 0) throw this.source.error(isRecord(models) ? ['models'] : [], 'the document has no "models": nothing to import');
    const objects = Object.entries(models).map(([name, model]) => this.model(name, model, ['models', name]));
    this.topLevelQuality(objects);

    const title = typeof info.title === 'string' ? info.title : undefined;
    const rawId = typeof root.id === 'string' ? root.id : undefined;
    const name = title ?? rawId?.split(':').pop() ?? baseName(options.file);
    const generated = options.id ?? contractId(rawId?.split(':').pop() ?? name, options.domain);
    if (rawId && rawId !== generated) this.note(['id'], `the id "${rawId}" became "${generated}" (ODCS ids are plain strings; keep the old one in authoritativeDefinitions if others refer to it)`);
    const contract = contractFrame(
      { ...options, id: generated },
      {
        name,
        ...(typeof info.version === 'string' ? { version: info.version } : {}),
        ...(typeof info.status === 'string' ? { status: info.status } : {}),
        ...(typeof info.description === 'string' ? { description: info.description.trim() } : {}),
      },
      objects,
    );
    const terms = isRecord(root.terms) ? root.terms : {};
    if (typeof terms.usage === 'string') (contract.description ??= {}).usage = terms.usage.trim();
    if (typeof terms.limitations === 'string') (contract.description ??= {}).limitations = terms.limitations.trim();
    for (const key of ['policies', 'billing', 'noticePeriod']) if (terms[key] !== undefined) this.note(['terms', key], `terms.${key} has no ODCS field: add it to description or customProperties by hand`);
    if (Array.isArray(root.tags) && root.tags.every((t) => typeof t === 'string')) contract.tags = root.tags as string[];

    if (typeof info.owner === 'string') {
      contract.team = { name: info.owner };
      this.note(['info', 'owner'], `info.owner "${info.owner}" became team.name: it must match the CODEOWNERS owner of the contract's folder`);
    }
    const support = this.support(info.contact);
    if (support) contract.support = [support];
    const servers = this.servers(root.servers);
    if (servers.length > 0) contract.servers = servers;
    const sla = this.serviceLevels(root.servicelevels);
    if (sla.length > 0) contract.slaProperties = sla;
    for (const key of ['examples', 'links']) if (root[key] !== undefined) this.note([key], `"${key}" has no ODCS equivalent: dropped`);
    return { contract, notes: this.notes };
  }

  private model(name: string, raw: unknown, path: SourcePath): OdcsObject {
    if (!isRecord(raw)) throw this.source.error(path, `model "${name}" must be a mapping with "fields"`);
    const object: OdcsObject = { name, physicalType: typeof raw.type === 'string' ? raw.type : 'table' };
    if (typeof raw.title === 'string') object.businessName = raw.title;
    if (typeof raw.description === 'string') object.description = raw.description.trim();
    const fields = raw.fields;
    if (fields !== undefined && !isRecord(fields)) throw this.source.error([...path, 'fields'], `"fields" of model "${name}" must be a mapping of field name to field`);
    object.properties = Object.entries(fields ?? {}).map(([fieldName, field]) => this.field(fieldName, field, [...path, 'fields', fieldName]));
    const keys = Array.isArray(raw.primaryKey) ? raw.primaryKey.map(String) : [];
    keys.forEach((key, i) => {
      const p = object.properties?.find((prop) => prop.name === key);
      if (!p) throw this.source.error([...path, 'primaryKey', i], `primaryKey names "${key}", which is not a field of model "${name}"`);
      p.primaryKey = true;
      p.primaryKeyPosition = i + 1;
      p.required = true;
    });
    const quality = this.quality(raw.quality, [...path, 'quality']);
    if (quality.length > 0) object.quality = quality;
    return object;
  }

  private field(name: string, raw: unknown, path: SourcePath, seen: string[] = []): OdcsProperty {
    if (!isRecord(raw)) throw this.source.error(path, `field "${name}" must be a mapping (e.g. {type: string})`);
    let field = raw;
    if (typeof raw.$ref === 'string') {
      const target = this.definition(raw.$ref, [...path, '$ref'], seen);
      field = { ...target, ...raw };
    }
    const property: OdcsProperty = { name };
    const type = typeof field.type === 'string' ? field.type.toLowerCase() : undefined;
    if (type !== undefined) {
      const logical = TYPES[type] ?? logicalFromSqlType(type).logicalType;
      if (!logical) throw this.source.error([...path, 'type'], `unknown field type "${field.type}": use one of ${Object.keys(TYPES).join(', ')}`);
      property.logicalType = logical;
      if (type !== logical) property.physicalType = type;
    }
    if (typeof field.title === 'string') property.businessName = field.title;
    if (typeof field.description === 'string') property.description = field.description.trim();
    if (field.required === true) property.required = true;
    if (field.unique === true) property.unique = true;
    if (field.primaryKey === true || field.primary === true) {
      property.primaryKey = true;
      property.primaryKeyPosition = 1;
      property.required = true;
    }
    if (typeof field.classification === 'string') property.classification = field.classification;
    const tags = Array.isArray(field.tags) ? field.tags.map(String) : [];
    if (field.pii === true && !tags.includes('pii')) tags.push('pii');
    if (tags.length > 0) property.tags = tags;

    const options: Record<string, unknown> = {};
    const logical = property.logicalType;
    for (const k of FIELD_OPTIONS) {
      if (field[k] === undefined) continue;
      const fits = logical === 'string' ? k.endsWith('Length') || k === 'pattern' : logical === 'number' || logical === 'integer' ? !k.endsWith('Length') && k !== 'pattern' : false;
      if (fits) options[k] = field[k];
      else this.note([...path, k], `${k} does not apply to a ${logical ?? 'untyped'} field in ODCS: dropped`);
    }
    if (typeof field.format === 'string') {
      if (logical === 'string') options.format = field.format;
      else this.note([...path, 'format'], `format "${field.format}" does not apply to a ${logical ?? 'untyped'} field in ODCS: dropped`);
    }
    if (type === 'bytes') options.format = 'binary';
    if (type === 'timestamp_tz') options.timezone = true;
    if (type === 'timestamp_ntz') options.timezone = false;
    if (Object.keys(options).length > 0) property.logicalTypeOptions = options;
    if (typeof field.precision === 'number') property.physicalType = `decimal(${field.precision},${typeof field.scale === 'number' ? field.scale : 0})`;
    if (Array.isArray(field.examples)) property.examples = field.examples;
    else if (field.example !== undefined) property.examples = [field.example];

    const quality = this.quality(field.quality, [...path, 'quality']);
    if (Array.isArray(field.enum)) quality.unshift(validValuesRule(field.enum));
    if (quality.length > 0) property.quality = quality;
    if (typeof field.references === 'string') property.relationships = [{ type: 'foreignKey', to: field.references }];

    if (logical === 'object' && isRecord(field.fields)) {
      property.properties = Object.entries(field.fields).map(([k, v]) => this.field(k, v, [...path, 'fields', k], seen));
    }
    if (type === 'map') this.note(path, 'a map field has no ODCS equivalent: imported as an object without properties');
    if (logical === 'array' && field.items !== undefined) {
      const item = this.field('items', field.items, [...path, 'items'], seen);
      delete item.name;
      property.items = item;
    }
    for (const key of Object.keys(field)) {
      if (!KNOWN_FIELD_KEYS.has(key)) this.note([...path, key], `field key "${key}" has no ODCS equivalent: dropped`);
    }
    return property;
  }

  private definition(ref: string, path: SourcePath, seen: string[]): Record<string, unknown> {
    const m = /^#\/definitions\/(.+)$/.exec(ref);
    if (!m) throw this.source.error(path, `$ref "${ref}" is not supported: only local "#/definitions/<name>" references are followed`);
    if (seen.includes(ref)) throw this.source.error(path, `$ref "${ref}" forms a cycle`);
    const defs = isRecord(this.root.definitions) ? this.root.definitions : {};
    const target = defs[m[1]];
    if (!isRecord(target)) throw this.source.error(path, `$ref "${ref}" does not resolve: there is no definition "${m[1]}"`);
    seen.push(ref);
    const rest = { ...target };
    delete rest.name;
    delete rest.domain;
    return rest;
  }

  private quality(raw: unknown, path: SourcePath): OdcsQuality[] {
    if (raw === undefined) return [];
    if (!Array.isArray(raw)) return [];
    const rules: OdcsQuality[] = [];
    raw.forEach((q, i) => {
      if (!isRecord(q)) throw this.source.error([...path, i], 'a quality rule must be a mapping');
      const type = typeof q.type === 'string' ? q.type : 'library';
      const rule: OdcsQuality = {};
      for (const [k, v] of Object.entries(q)) if (k !== 'type') rule[k] = v;
      if (type === 'sql' || type === 'text' || type === 'library' || type === 'custom') rule.type = type;
      else {
        rule.type = 'custom';
        rule.engine = type.toLowerCase() === 'sodacl' ? 'soda' : type;
        if (rule.implementation === undefined) rule.implementation = (q.specification ?? '') as string;
        delete rule.specification;
      }
      rules.push(rule);
    });
    return rules;
  }

  /** DCS 0.9's single top-level `quality: {type, specification}` becomes a custom rule on the (only) model. */
  private topLevelQuality(objects: OdcsObject[]): void {
    const q = this.root.quality;
    if (!isRecord(q)) return;
    const engine = String(q.type ?? 'custom');
    const rule: OdcsQuality = { type: 'custom', engine: engine.toLowerCase() === 'sodacl' ? 'soda' : engine.toLowerCase(), implementation: (typeof q.specification === 'string' || isRecord(q.specification) ? q.specification : '') as string };
    if (objects.length === 1) (objects[0].quality ??= []).push(rule);
    else this.note(['quality'], 'a top-level quality specification over several models cannot be placed on one object: add it to the right object by hand');
  }

  private support(contact: unknown): Record<string, unknown> | undefined {
    if (!isRecord(contact)) return undefined;
    const email = typeof contact.email === 'string' ? contact.email : undefined;
    const url = typeof contact.url === 'string' ? contact.url : email ? `mailto:${email}` : undefined;
    const channel = typeof contact.name === 'string' ? contact.name : email ?? url;
    if (!channel) return undefined;
    return { channel, ...(url ? { url } : {}), ...(email && !contact.url ? { tool: 'email' } : {}) };
  }

  private servers(raw: unknown): Record<string, unknown>[] {
    if (!isRecord(raw)) return [];
    return Object.entries(raw).flatMap(([name, server]) => {
      if (!isRecord(server)) return [];
      const type = typeof server.type === 'string' ? SERVER_TYPES[server.type.toLowerCase()] : undefined;
      if (!type) this.note(['servers', name, 'type'], `server type "${String(server.type)}" has no ODCS equivalent: imported as "custom"`);
      const out: Record<string, unknown> = { server: name, type: type ?? 'custom' };
      for (const key of SERVER_FIELDS) if (server[key] !== undefined) out[key] = server[key];
      for (const key of Object.keys(server)) if (key !== 'type' && !SERVER_FIELDS.includes(key)) this.note(['servers', name, key], `server field "${key}" is not carried: dropped`);
      return [out];
    });
  }

  private serviceLevels(raw: unknown): Record<string, unknown>[] {
    if (!isRecord(raw)) return [];
    const out: Record<string, unknown>[] = [];
    const add = (property: string, entry: Record<string, unknown>, value: unknown, path: SourcePath, element?: unknown) => {
      const sla: Record<string, unknown> = { property };
      const parsed = splitValue(value);
      if (!parsed) {
        this.note(path, `service level value ${JSON.stringify(value)} cannot be read as a number with a unit: set ${property} by hand`);
        return;
      }
      sla.value = parsed.value;
      if (parsed.unit) sla.unit = parsed.unit;
      if (typeof element === 'string') sla.element = element;
      if (typeof entry.description === 'string') sla.description = entry.description;
      out.push(sla);
    };
    const level = (key: string) => (isRecord(raw[key]) ? (raw[key] as Record<string, unknown>) : undefined);
    const availability = level('availability');
    if (availability) add('availability', availability, availability.percentage, ['servicelevels', 'availability', 'percentage']);
    const retention = level('retention');
    if (retention) {
      if (retention.unlimited === true) this.note(['servicelevels', 'retention', 'unlimited'], 'unlimited retention has no ODCS value: set retention by hand');
      else add('retention', retention, retention.period, ['servicelevels', 'retention', 'period'], retention.timestampField);
    }
    const latency = level('latency');
    const freshness = level('freshness');
    if (latency) add('latency', latency, latency.threshold, ['servicelevels', 'latency', 'threshold'], latency.processedTimestampField ?? latency.sourceTimestampField);
    if (freshness) {
      if (latency) this.note(['servicelevels', 'freshness'], 'freshness is the same ODCS property as latency, which is already set: dropped');
      else add('latency', freshness, freshness.threshold, ['servicelevels', 'freshness', 'threshold'], freshness.timestampField);
    }
    const frequency = level('frequency');
    if (frequency) {
      const interval = typeof frequency.interval === 'string' ? INTERVALS[frequency.interval.toLowerCase()] : undefined;
      if (interval || typeof frequency.cron === 'string') {
        const sla: Record<string, unknown> = { property: 'frequency', value: interval?.value ?? 1, unit: interval?.unit ?? 'd' };
        if (typeof frequency.cron === 'string') Object.assign(sla, { scheduler: 'cron', schedule: frequency.cron });
        if (typeof frequency.description === 'string') sla.description = frequency.description;
        if (!interval) this.note(['servicelevels', 'frequency'], 'frequency has a cron schedule but no interval: value set to 1 d, check it');
        out.push(sla);
      } else this.note(['servicelevels', 'frequency'], 'frequency without interval or cron: set it by hand');
    }
    for (const key of Object.keys(raw)) {
      if (!['availability', 'retention', 'latency', 'freshness', 'frequency'].includes(key)) this.note(['servicelevels', key], `service level "${key}" has no direct ODCS property: add it by hand if it matters`);
    }
    return out;
  }

  private note(path: SourcePath, message: string): void {
    this.notes.push({ at: pathText(path), message });
  }
}

const INTERVALS: Record<string, { value: number; unit: string }> = {
  hourly: { value: 1, unit: 'h' }, daily: { value: 1, unit: 'd' }, weekly: { value: 1, unit: 'w' }, monthly: { value: 1, unit: 'mo' }, yearly: { value: 1, unit: 'y' },
};

/** `99.9%` → 99.9 %, `25h` → 25 h, `1 year` → 1 y, `P1Y` → 1 y (largest whole unit of an ISO duration). */
function splitValue(value: unknown): { value: number; unit?: string } | undefined {
  if (typeof value === 'number') return { value };
  if (typeof value !== 'string') return undefined;
  const text = value.trim();
  const pct = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
  if (pct) return { value: Number(pct[1]), unit: '%' };
  const plain = /^(\d+(?:\.\d+)?)\s*([A-Za-z]+)$/.exec(text);
  if (plain) {
    const unit = durationUnit(plain[2]);
    return unit ? { value: Number(plain[1]), unit } : undefined;
  }
  const seconds = parseIsoDuration(text);
  if (seconds === undefined) return undefined;
  for (const [unit, size] of [['y', 31_536_000], ['mo', 2_592_000], ['d', 86_400], ['h', 3600], ['m', 60], ['s', 1]] as const) {
    if (seconds >= size && seconds % size === 0) return { value: seconds / size, unit };
  }
  return { value: seconds, unit: 's' };
}
