// PostgreSQL DDL → ODCS. Every CREATE TABLE becomes a schema object: NOT NULL → required,
// PRIMARY KEY (column or table constraint) → primaryKey + primaryKeyPosition, UNIQUE → unique
// (several columns: a duplicateValues rule on the object), REFERENCES → relationships,
// varchar(n) → maxLength, numeric(p,s) → physicalType, COMMENT ON → descriptions.
import sqlParser from 'node-sql-parser';
import { baseName, contractFrame } from './contract-base.js';
import type { LogicalType, OdcsObject, OdcsProperty, OdcsQuality } from './odcs-shapes.js';
import { splitStatements, type SqlStatement } from './sql-statements.js';
import { logicalFromSqlType } from './sql-types.js';
import { ImportError, type ImportNote, type ImportOptions, type ImportResult } from './types.js';

type Ast = Record<string, any>; // node-sql-parser's AST is loosely typed; read defensively.

interface Table {
  object: OdcsObject;
  columns: Map<string, OdcsProperty>;
  statement: SqlStatement;
}

export function importSqlDdl(text: string, options: ImportOptions): ImportResult {
  const parser = new sqlParser.Parser();
  const notes: ImportNote[] = [];
  const tables = new Map<string, Table>();
  const comments: { ast: Ast; statement: SqlStatement }[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;

  for (const statement of splitStatements(body)) {
    const isCreateTable = /^create\s+(?:(?:global\s+|local\s+)?(?:temporary|temp|unlogged)\s+)?table\b/i.test(statement.text);
    const isComment = /^comment\s+on\b/i.test(statement.text);
    if (!isCreateTable && !isComment) {
      notes.push({ at: `line ${statement.line}`, message: `statement "${firstWords(statement.text)}" is not a CREATE TABLE or COMMENT ON: skipped` });
      continue;
    }
    let ast: Ast;
    const { text: parsable, arrays } = isCreateTable ? maskArrayTypes(statement.text) : { text: statement.text, arrays: new Map<string, string>() };
    try {
      const parsed = parser.astify(parsable, { database: 'PostgresQL' });
      ast = (Array.isArray(parsed) ? parsed[0] : parsed) as Ast;
    } catch (err) {
      throw syntaxError(err, statement, options.file);
    }
    if (isComment) comments.push({ ast, statement });
    else {
      const table = readTable(ast, statement, notes, arrays);
      tables.set(table.object.name, table);
    }
  }
  for (const { ast, statement } of comments) applyComment(ast, statement, tables, notes);
  if (tables.size === 0) throw new ImportError('no CREATE TABLE statement found: nothing to import', { file: options.file, line: 1, column: 1 });
  // Properties are laid out last, once COMMENT ON statements have added their descriptions.
  const objects = [...tables.values()].map(({ object, columns }) => {
    const { name, physicalType, description, ...rest } = object;
    return { name, physicalType, ...(description ? { description } : {}), properties: [...columns.values()].map(order), ...rest } as OdcsObject;
  });
  const contract = contractFrame(options, { name: objects.length === 1 ? objects[0].name : baseName(options.file) }, objects);
  return { contract, notes };
}

/**
 * The SQL parser reads `integer[]` but not `uuid[]`, `jsonb[]`, `date[]`...: such array columns are
 * parsed as `text[]` (same length, so error positions stay right) and their real element type is
 * remembered by column name.
 */
function maskArrayTypes(sql: string): { text: string; arrays: Map<string, string> } {
  const arrays = new Map<string, string>();
  const text = sql.replace(/([(,]\s*)("[^"]+"|[A-Za-z_][\w$]*)(\s+)([A-Za-z][A-Za-z0-9_ ]*?(?:\(\s*\d+\s*(?:,\s*\d+\s*)?\))?)(\s*\[\s*\])/g, (match, pre: string, column: string, space: string, type: string, brackets: string) => {
    if (type.length < 4 || /^(?:integer|int|bigint|smallint|numeric|decimal|double precision|real|text|varchar|character varying)\b/i.test(type)) return match;
    arrays.set(column.replace(/^"|"$/g, ''), type.trim());
    return `${pre}${column}${space}${' '.repeat(type.length - 4)}text${brackets}`;
  });
  return { text, arrays };
}

function readTable(ast: Ast, statement: SqlStatement, notes: ImportNote[], arrays: Map<string, string>): Table {
  const ref = (ast.table as Ast[] | undefined)?.[0] ?? {};
  const name = String(ref.table);
  const object: OdcsObject = { name, physicalType: 'table' };
  if (ref.db) notes.push({ at: `line ${statement.line}`, message: `schema "${ref.db}" of table ${name} is not part of the object: set it on the contract's server (servers[].schema)` });
  const columns = new Map<string, OdcsProperty>();
  const keys: string[][] = [];
  const where = (column: string) => `line ${statement.line}, ${name}.${column}`;

  for (const def of (ast.create_definitions ?? []) as Ast[]) {
    if (def.resource === 'column') {
      const column = columnName(def.column);
      const masked = arrays.get(column);
      const property = masked ? maskedArrayProperty(column, masked) : columnProperty(column, def.definition ?? {}, (m) => notes.push({ at: where(column), message: m }));
      if (def.nullable?.type === 'not null') property.required = true;
      if (def.primary_key) keys.push([column]);
      if (def.unique) property.unique = true;
      if (def.default_val) notes.push({ at: where(column), message: 'the DEFAULT value cannot be expressed in ODCS: dropped' });
      if (def.check) notes.push({ at: where(column), message: 'the CHECK constraint cannot be expressed in ODCS: describe it as a quality rule' });
      if (def.comment?.value?.value !== undefined) property.description = String(def.comment.value.value);
      const fk = def.reference_definition;
      if (fk) property.relationships = [{ type: 'foreignKey', to: referenceTarget(fk) }];
      columns.set(column, property);
    } else if (def.resource === 'constraint') {
      const cols = ((def.definition ?? []) as Ast[]).map(columnName);
      const type = String(def.constraint_type ?? '').toLowerCase();
      if (type === 'primary key') keys.push(cols);
      else if (type === 'unique' || type === 'unique key' || type === 'unique index') {
        if (cols.length === 1) pending(columns, cols[0], (p) => (p.unique = true));
        else (object.quality ??= []).push({ type: 'library', metric: 'duplicateValues', arguments: { properties: cols }, mustBe: 0 } as OdcsQuality);
      } else if (type === 'foreign key') {
        const targets = referenceTargets(def.reference_definition);
        if (cols.length === 1) pending(columns, cols[0], (p) => (p.relationships = [{ type: 'foreignKey', to: targets[0] }]));
        else ((object.relationships ??= []) as unknown[]).push({ type: 'foreignKey', from: cols.map((c) => `${name}.${c}`), to: targets });
      } else if (type === 'check') {
        notes.push({ at: `line ${statement.line}, ${name}`, message: 'a table CHECK constraint cannot be expressed in ODCS: describe it as a quality rule' });
      }
    }
  }
  for (const key of keys) {
    key.forEach((column, i) => {
      const property = columns.get(column);
      if (!property) {
        notes.push({ at: `line ${statement.line}, ${name}`, message: `PRIMARY KEY names unknown column "${column}": ignored` });
        return;
      }
      property.primaryKey = true;
      property.primaryKeyPosition = i + 1;
      property.required = true;
    });
  }
  return { object, columns, statement };
}

function pending(columns: Map<string, OdcsProperty>, column: string, apply: (p: OdcsProperty) => void): void {
  const p = columns.get(column);
  if (p) apply(p);
}

function applyComment(ast: Ast, statement: SqlStatement, tables: Map<string, Table>, notes: ImportNote[]): void {
  const target = ast.target ?? {};
  const value = ast.expr?.expr?.value;
  if (typeof value !== 'string') return;
  if (target.type === 'table') {
    const table = tables.get(String(target.name?.table));
    if (table) table.object.description = value;
    else notes.push({ at: `line ${statement.line}`, message: `COMMENT ON TABLE ${target.name?.table} names a table not created in this file: skipped` });
  } else if (target.type === 'column') {
    const tableName = String(target.name?.table);
    const column = columnName(target.name);
    const property = tables.get(tableName)?.columns.get(column);
    if (property) property.description = value;
    else notes.push({ at: `line ${statement.line}`, message: `COMMENT ON COLUMN ${tableName}.${column} names a column not created in this file: skipped` });
  }
}

interface ColumnType {
  logicalType?: LogicalType;
  options?: Record<string, unknown>;
}

/** The ODCS view of a PostgreSQL column type; the exact type is kept in physicalType. */
function columnProperty(name: string, definition: Ast, note: (message: string) => void): OdcsProperty {
  const physicalType = physicalTypeOf(definition);
  const base = String(definition.dataType ?? '').toUpperCase();
  const array = /\[\]$/.test(base) || definition.dataType === 'ARRAY' || definition.array !== undefined;
  const element = base.replace(/(\[\])+$/, '');
  const mapped = mapType(element, definition, note);
  const property: OdcsProperty = { name };
  if (array) {
    property.logicalType = 'array';
    property.items = { logicalType: mapped.logicalType, ...(mapped.options ? { logicalTypeOptions: mapped.options } : {}) };
    if (!mapped.logicalType) delete property.items.logicalType;
  } else {
    if (mapped.logicalType) property.logicalType = mapped.logicalType;
    if (mapped.options) property.logicalTypeOptions = mapped.options;
  }
  property.physicalType = physicalType;
  return property;
}

function maskedArrayProperty(name: string, elementType: string): OdcsProperty {
  const element = logicalFromSqlType(elementType);
  const items: OdcsProperty = {};
  if (element.logicalType) items.logicalType = element.logicalType;
  if (element.logicalTypeOptions) items.logicalTypeOptions = element.logicalTypeOptions;
  return { name, logicalType: 'array', items, physicalType: `${elementType.toLowerCase().replace(/\s+/g, ' ')}[]` };
}

function mapType(type: string, definition: Ast, note: (message: string) => void): ColumnType {
  const length = typeof definition.length === 'number' ? definition.length : undefined;
  const suffix = ((definition.suffix ?? []) as unknown[]).map(String).join(' ').toUpperCase();
  switch (type) {
    case 'VARCHAR':
    case 'CHARACTER VARYING':
    case 'CHAR':
    case 'CHARACTER':
    case 'BPCHAR':
    case 'NVARCHAR':
    case 'NCHAR':
      return { logicalType: 'string', ...(length !== undefined ? { options: { maxLength: length } } : {}) };
    case 'TEXT':
    case 'CITEXT':
    case 'NAME':
      return { logicalType: 'string' };
    case 'UUID':
      return { logicalType: 'string', options: { format: 'uuid' } };
    case 'INET':
      return { logicalType: 'string' };
    case 'BYTEA':
      return { logicalType: 'string', options: { format: 'binary' } };
    case 'SMALLINT':
    case 'INT2':
    case 'SMALLSERIAL':
      return { logicalType: 'integer', options: { format: 'i16' } };
    case 'INT':
    case 'INTEGER':
    case 'INT4':
    case 'SERIAL':
      return { logicalType: 'integer', options: { format: 'i32' } };
    case 'BIGINT':
    case 'INT8':
    case 'BIGSERIAL':
      return { logicalType: 'integer', options: { format: 'i64' } };
    case 'NUMERIC':
    case 'DECIMAL':
      return { logicalType: 'number' };
    case 'REAL':
    case 'FLOAT4':
      return { logicalType: 'number', options: { format: 'f32' } };
    case 'FLOAT':
    case 'FLOAT8':
    case 'DOUBLE PRECISION':
    case 'DOUBLE':
      return { logicalType: 'number', options: { format: 'f64' } };
    case 'BOOLEAN':
    case 'BOOL':
      return { logicalType: 'boolean' };
    case 'DATE':
      return { logicalType: 'date' };
    case 'TIMESTAMPTZ':
      return { logicalType: 'timestamp', options: { timezone: true } };
    case 'TIMESTAMP':
      return { logicalType: 'timestamp', options: { timezone: /WITH TIME ZONE/.test(suffix) } };
    case 'TIME':
    case 'TIMETZ':
      return { logicalType: 'time' };
    case 'JSON':
    case 'JSONB':
      return { logicalType: 'object' };
    default:
      note(`type ${type} has no ODCS logical type: only its physicalType is kept`);
      return {};
  }
}

function physicalTypeOf(definition: Ast): string {
  let text = String(definition.dataType ?? '').toLowerCase();
  if (typeof definition.length === 'number') text += typeof definition.scale === 'number' ? `(${definition.length},${definition.scale})` : `(${definition.length})`;
  const suffix = ((definition.suffix ?? []) as unknown[]).filter((s) => typeof s === 'string').join(' ').toLowerCase();
  const full = suffix ? `${text} ${suffix}` : text;
  return definition.array !== undefined && !full.endsWith('[]') ? `${full}${'[]'.repeat(Number(definition.array.dimension) || 1)}` : full;
}

function columnName(ref: Ast): string {
  const c = ref?.column;
  if (typeof c === 'string') return c;
  return String(c?.expr?.value ?? c?.value ?? ref);
}

function referenceTarget(fk: Ast): string {
  return referenceTargets(fk)[0];
}

function referenceTargets(fk: Ast): string[] {
  const table = String(fk?.table?.[0]?.table ?? '');
  return ((fk?.definition ?? []) as Ast[]).map((c) => `${table}.${columnName(c)}`);
}

function order(p: OdcsProperty): OdcsProperty {
  const keys = ['name', 'logicalType', 'physicalType', 'description', 'required', 'unique', 'primaryKey', 'primaryKeyPosition', 'logicalTypeOptions', 'items', 'relationships'];
  const out: Record<string, unknown> = {};
  for (const k of keys) if (p[k] !== undefined) out[k] = p[k];
  for (const [k, v] of Object.entries(p)) if (!(k in out)) out[k] = v;
  return out as OdcsProperty;
}

function firstWords(text: string): string {
  return text.split(/\s+/).slice(0, 3).join(' ');
}

function syntaxError(err: unknown, statement: SqlStatement, file: string): ImportError {
  const loc = (err as { location?: { start?: { line: number; column: number } } }).location?.start;
  const line = loc ? statement.line + loc.line - 1 : statement.line;
  const column = loc ? (loc.line === 1 ? statement.column + loc.column - 1 : loc.column) : statement.column;
  const message = (err as Error).message ?? String(err);
  const found = /but (.+) found\.?$/.exec(message)?.[1];
  const what = found ? `unexpected ${found}` : message.split('\n')[0];
  return new ImportError(`SQL syntax error in "${firstWords(statement.text)}": ${what}`, { file, line, column });
}
