// dbt → ODCS, from either a compiled `manifest.json` (target/manifest.json) or a `schema.yml`.
// Each model becomes a schema object; columns become properties (data_type → physicalType and
// logical type, constraints → required/unique/primaryKey); generic tests become quality rules:
// not_null → nullValues = 0, unique → duplicateValues = 0, accepted_values → invalidValues with
// validValues, relationships → a foreign-key relationship, any other test → a custom dbt rule.
import { baseName, contractFrame } from './contract-base.js';
import { isRecord, validValuesRule, type OdcsObject, type OdcsProperty, type OdcsQuality } from './odcs-shapes.js';
import { parseSource, pathText, type ParsedSource, type SourcePath } from './source.js';
import { logicalFromSqlType } from './sql-types.js';
import type { ImportNote, ImportOptions, ImportResult } from './types.js';

/** A dbt generic test as both formats describe it. */
export interface DbtTest {
  name: string;
  kwargs: Record<string, unknown>;
  severity?: string;
}

export interface DbtColumn {
  name: string;
  description?: string;
  dataType?: string;
  constraints: string[];
  tests: DbtTest[];
  path: SourcePath;
}

export interface DbtModel {
  name: string;
  description?: string;
  materialized?: string;
  alias?: string;
  enforced: boolean;
  columns: DbtColumn[];
  constraints: { type: string; columns: string[] }[];
  tests: DbtTest[];
  path: SourcePath;
}

export function importDbt(text: string, options: ImportOptions): ImportResult {
  const source = parseSource(text, options.file, /\.json$/i.test(options.file) ? 'json' : 'yaml');
  const root = source.value;
  if (!isRecord(root)) throw source.error([], 'a dbt manifest.json or schema.yml must be a mapping at the top level');
  const notes: ImportNote[] = [];
  let models: DbtModel[];
  let project: string | undefined;
  if (isRecord(root.nodes)) {
    project = isRecord(root.metadata) && typeof root.metadata.project_name === 'string' ? root.metadata.project_name : undefined;
    models = modelsFromManifest(root, source, project);
  } else if (Array.isArray(root.models)) {
    models = modelsFromSchemaYml(root.models, source);
  } else {
    throw source.error([], 'not a dbt manifest (no "nodes") nor a schema.yml (no "models" list): pass target/manifest.json or a models/*.yml file');
  }
  if (options.models && options.models.length > 0) {
    const wanted = new Set(options.models);
    const missing = options.models.filter((m) => !models.some((model) => model.name === m));
    if (missing.length > 0) {
      throw source.error([], `no model named ${missing.map((m) => `"${m}"`).join(', ')} in this file (models: ${models.map((m) => m.name).join(', ') || 'none'})`);
    }
    models = models.filter((m) => wanted.has(m.name));
  }
  if (models.length === 0) throw source.error([], 'the file holds no dbt model to import');
  const objects = models.map((m) => modelObject(m, notes));
  const contract = contractFrame(
    options,
    {
      name: models.length === 1 ? models[0].name : project ?? baseName(options.file),
      ...(models.length === 1 && models[0].description ? { description: models[0].description } : {}),
    },
    objects,
  );
  return { contract, notes };
}

function modelsFromManifest(root: Record<string, unknown>, source: ParsedSource, project: string | undefined): DbtModel[] {
  const nodes = root.nodes as Record<string, unknown>;
  const models = new Map<string, DbtModel>();
  for (const [id, node] of Object.entries(nodes)) {
    if (!isRecord(node) || node.resource_type !== 'model') continue;
    if (project && node.package_name !== undefined && node.package_name !== project) continue;
    const path: SourcePath = ['nodes', id];
    if (typeof node.name !== 'string') throw source.error(path, `model node "${id}" has no "name"`);
    const config = isRecord(node.config) ? node.config : {};
    const contract = isRecord(node.contract) ? node.contract : isRecord(config.contract) ? config.contract : {};
    const columns = isRecord(node.columns) ? node.columns : {};
    const model: DbtModel = {
      name: node.name,
      ...(typeof node.description === 'string' && node.description !== '' ? { description: node.description } : {}),
      ...(typeof config.materialized === 'string' ? { materialized: config.materialized } : {}),
      ...(typeof node.alias === 'string' && node.alias !== node.name ? { alias: node.alias } : {}),
      enforced: contract.enforced === true,
      columns: Object.entries(columns).map(([key, col]) => readColumn(key, col, [...path, 'columns', key], source)),
      constraints: readModelConstraints(node.constraints),
      tests: [],
      path,
    };
    models.set(id, model);
  }
  for (const [id, node] of Object.entries(nodes)) {
    if (!isRecord(node) || node.resource_type !== 'test') continue;
    const attached = typeof node.attached_node === 'string' ? node.attached_node : firstDependency(node);
    const model = attached ? models.get(attached) : undefined;
    if (!model) continue;
    const meta = isRecord(node.test_metadata) ? node.test_metadata : undefined;
    const config = isRecord(node.config) ? node.config : {};
    const severity = typeof config.severity === 'string' ? config.severity : undefined;
    const test: DbtTest = meta
      ? { name: [meta.namespace, meta.name].filter((p) => typeof p === 'string' && p !== '').join('.'), kwargs: isRecord(meta.kwargs) ? { ...meta.kwargs } : {} }
      : { name: String(node.name ?? id), kwargs: { sql: typeof node.raw_code === 'string' ? node.raw_code : '' } };
    if (severity) test.severity = severity;
    delete test.kwargs.model;
    const column = typeof node.column_name === 'string' ? node.column_name : typeof test.kwargs.column_name === 'string' ? test.kwargs.column_name : undefined;
    delete test.kwargs.column_name;
    const target = column ? model.columns.find((c) => c.name === column) : undefined;
    if (target) target.tests.push(test);
    else if (column) {
      model.columns.push({ name: column, constraints: [], tests: [test], path: ['nodes', id] });
    } else model.tests.push(test);
  }
  return [...models.values()];
}

function firstDependency(node: Record<string, unknown>): string | undefined {
  const deps = isRecord(node.depends_on) && Array.isArray(node.depends_on.nodes) ? node.depends_on.nodes : [];
  return deps.find((d): d is string => typeof d === 'string' && d.startsWith('model.'));
}

function modelsFromSchemaYml(list: unknown[], source: ParsedSource): DbtModel[] {
  return list.map((raw, i) => {
    const path: SourcePath = ['models', i];
    if (!isRecord(raw) || typeof raw.name !== 'string') throw source.error(path, 'every entry of "models" needs a "name"');
    const config = isRecord(raw.config) ? raw.config : {};
    const contract = isRecord(config.contract) ? config.contract : {};
    const columns = Array.isArray(raw.columns) ? raw.columns : [];
    return {
      name: raw.name,
      ...(typeof raw.description === 'string' && raw.description !== '' ? { description: raw.description } : {}),
      ...(typeof config.materialized === 'string' ? { materialized: config.materialized } : {}),
      ...(typeof config.alias === 'string' ? { alias: config.alias } : {}),
      enforced: contract.enforced === true,
      columns: columns.map((col, j) => {
        const at: SourcePath = [...path, 'columns', j];
        if (!isRecord(col) || typeof col.name !== 'string') throw source.error(at, `column ${j + 1} of model "${raw.name}" needs a "name"`);
        const column = readColumn(col.name, col, at, source);
        column.tests = readYmlTests(col.data_tests ?? col.tests, [...at, col.data_tests ? 'data_tests' : 'tests'], source);
        return column;
      }),
      constraints: readModelConstraints(raw.constraints),
      tests: readYmlTests(raw.data_tests ?? raw.tests, [...path, raw.data_tests ? 'data_tests' : 'tests'], source),
      path,
    };
  });
}

function readColumn(key: string, raw: unknown, path: SourcePath, source: ParsedSource): DbtColumn {
  if (!isRecord(raw)) throw source.error(path, `column "${key}" must be a mapping`);
  const constraints = Array.isArray(raw.constraints) ? raw.constraints.filter(isRecord).map((c) => String(c.type)) : [];
  return {
    name: typeof raw.name === 'string' ? raw.name : key,
    ...(typeof raw.description === 'string' && raw.description !== '' ? { description: raw.description } : {}),
    ...(typeof raw.data_type === 'string' && raw.data_type !== '' ? { dataType: raw.data_type } : {}),
    constraints,
    tests: [],
    path,
  };
}

function readModelConstraints(raw: unknown): { type: string; columns: string[] }[] {
  if (!Array.isArray(raw)) return [];
  return raw.filter(isRecord).map((c) => ({ type: String(c.type), columns: Array.isArray(c.columns) ? c.columns.map(String) : [] }));
}

/** `- not_null`, `- accepted_values: {values: [...]}` or `- accepted_values: {arguments: {values: [...]}, config: {...}}`. */
function readYmlTests(raw: unknown, path: SourcePath, source: ParsedSource): DbtTest[] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw)) throw source.error(path, 'tests must be a list');
  return raw.map((entry, i) => {
    if (typeof entry === 'string') return { name: entry, kwargs: {} };
    if (isRecord(entry) && Object.keys(entry).length === 1) {
      const [name, body] = Object.entries(entry)[0];
      const spec = isRecord(body) ? body : {};
      const args = isRecord(spec.arguments) ? spec.arguments : spec;
      const kwargs: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(args)) if (k !== 'config' && k !== 'arguments' && k !== 'severity' && k !== 'name') kwargs[k] = v;
      const config = isRecord(spec.config) ? spec.config : {};
      const severity = typeof config.severity === 'string' ? config.severity : typeof spec.severity === 'string' ? spec.severity : undefined;
      return { name, kwargs, ...(severity ? { severity } : {}) };
    }
    throw source.error([...path, i], 'a test is a name (e.g. not_null) or a mapping with one key (e.g. accepted_values: {values: [...]})');
  });
}

function modelObject(model: DbtModel, notes: ImportNote[]): OdcsObject {
  const object: OdcsObject = { name: model.name };
  if (model.alias) object.physicalName = model.alias;
  object.physicalType = model.materialized === 'view' ? 'view' : 'table';
  if (model.description) object.description = model.description;
  if (!model.enforced) notes.push({ at: pathText(model.path), message: `model "${model.name}" does not enforce its contract (config.contract.enforced): column types are taken as documented, not as guaranteed` });
  const keyColumns = model.constraints.find((c) => c.type === 'primary_key')?.columns ?? [];
  object.properties = model.columns.map((col) => {
    const property: OdcsProperty = { name: col.name };
    if (col.dataType) {
      const mapped = logicalFromSqlType(col.dataType);
      if (mapped.logicalType) property.logicalType = mapped.logicalType;
      else notes.push({ at: pathText(col.path), message: `data_type "${col.dataType}" has no ODCS logical type: only physicalType is kept` });
      property.physicalType = col.dataType;
      if (mapped.logicalTypeOptions) property.logicalTypeOptions = mapped.logicalTypeOptions;
      if (mapped.items) property.items = mapped.items;
    }
    if (col.description) property.description = col.description;
    if (col.constraints.includes('not_null')) property.required = true;
    if (col.constraints.includes('unique')) property.unique = true;
    const position = keyColumns.indexOf(col.name);
    if (col.constraints.includes('primary_key') || position >= 0) {
      property.primaryKey = true;
      property.primaryKeyPosition = position >= 0 ? position + 1 : 1;
      property.required = true;
    }
    const quality: OdcsQuality[] = [];
    for (const test of col.tests) {
      const rule = columnRule(test, property, model, notes);
      if (rule) quality.push(rule);
    }
    if (quality.length > 0) property.quality = quality;
    return property;
  });
  const modelQuality = model.tests.map((t) => modelRule(t));
  if (modelQuality.length > 0) object.quality = modelQuality;
  return object;
}

function columnRule(test: DbtTest, property: OdcsProperty, model: DbtModel, notes: ImportNote[]): OdcsQuality | undefined {
  const severity = test.severity ? { severity: test.severity.toLowerCase() === 'warn' ? 'warning' : test.severity.toLowerCase() } : {};
  switch (test.name) {
    case 'not_null':
      return { type: 'library', metric: 'nullValues', mustBe: 0, ...severity };
    case 'unique':
      return { type: 'library', metric: 'duplicateValues', mustBe: 0, ...severity };
    case 'accepted_values': {
      const values = Array.isArray(test.kwargs.values) ? test.kwargs.values : [];
      return { ...validValuesRule(values), ...severity };
    }
    case 'relationships': {
      const to = typeof test.kwargs.to === 'string' ? refName(test.kwargs.to) : undefined;
      const field = typeof test.kwargs.field === 'string' ? test.kwargs.field : undefined;
      if (to && field) {
        property.relationships = [...((property.relationships as unknown[]) ?? []), { type: 'foreignKey', to: `${to}.${field}` }];
        return undefined;
      }
      notes.push({ at: `${model.name}.${property.name}`, message: 'relationships test without "to" and "field": kept as a custom rule' });
      return customRule(test);
    }
    default:
      return customRule(test);
  }
}

/** Model-level tests: uniqueness over several columns is an ODCS duplicateValues rule, the rest custom. */
function modelRule(test: DbtTest): OdcsQuality {
  const combo = test.kwargs.combination_of_columns;
  if (test.name === 'dbt_utils.unique_combination_of_columns' && Array.isArray(combo)) {
    const rule: OdcsQuality = { type: 'library', metric: 'duplicateValues', arguments: { properties: combo.map(String) }, mustBe: 0 };
    if (test.severity) rule.severity = test.severity.toLowerCase() === 'warn' ? 'warning' : test.severity.toLowerCase();
    return rule;
  }
  return customRule(test);
}

/** A test ODCS has no metric for: kept verbatim as a custom rule run by dbt. */
function customRule(test: DbtTest): OdcsQuality {
  const implementation: Record<string, unknown> = Object.keys(test.kwargs).length > 0 ? { [test.name]: test.kwargs } : { [test.name]: {} };
  const rule: OdcsQuality = { type: 'custom', engine: 'dbt', name: test.name, implementation };
  if (test.severity) rule.severity = test.severity.toLowerCase() === 'warn' ? 'warning' : test.severity.toLowerCase();
  return rule;
}

/** `ref('customers')` / `ref("pkg", "customers")` / `source('raw', 'orders')` → the model or table name. */
function refName(text: string): string {
  const args = [...text.matchAll(/['"]([^'"]+)['"]/g)].map((m) => m[1]);
  return args.length > 0 ? args[args.length - 1] : text;
}
