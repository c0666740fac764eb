// The column type a property gets in each SQL dialect, from its logical type and options
// (maxLength → varchar(n), decimal(p,s) physical types → numeric(p,s), i16/i64 formats → sizes).
import { logicalFromSqlType } from '../import/sql-types.js';
import type { OdcsProperty } from '../import/odcs-shapes.js';
import { decimalOf, optionsOf, propertiesOf } from './contract-objects.js';

export type SqlDialect = 'postgres' | 'snowflake' | 'bigquery';
export const SQL_DIALECTS: readonly SqlDialect[] = ['postgres', 'snowflake', 'bigquery'];

export function sqlType(property: OdcsProperty, dialect: SqlDialect): string {
  // A physical type written for PostgreSQL that agrees with the logical type is the most exact answer;
  // a warehouse's type name (Snowflake NUMBER, TIMESTAMP_TZ…) is not valid PostgreSQL: derive one.
  if (dialect === 'postgres' && typeof property.physicalType === 'string' && isPostgresType(property.physicalType) && agrees(property.physicalType, property)) return property.physicalType;
  const o = optionsOf(property);
  const decimal = decimalOf(property.physicalType);
  switch (property.logicalType) {
    case 'string': {
      const max = typeof o.maxLength === 'number' ? o.maxLength : undefined;
      if (o.format === 'binary' || o.format === 'byte') return { postgres: 'bytea', snowflake: 'BINARY', bigquery: 'BYTES' }[dialect];
      if (o.format === 'uuid' && dialect === 'postgres') return 'uuid';
      if (dialect === 'postgres') return max !== undefined ? `varchar(${max})` : 'text';
      if (dialect === 'snowflake') return max !== undefined ? `VARCHAR(${max})` : 'VARCHAR';
      return max !== undefined ? `STRING(${max})` : 'STRING';
    }
    case 'integer': {
      const format = String(o.format ?? '');
      if (dialect === 'bigquery') return 'INT64';
      if (dialect === 'snowflake') return 'INTEGER';
      return ['i8', 'i16', 'u8'].includes(format) ? 'smallint' : ['i64', 'u32', 'u64', 'i128', 'u128'].includes(format) ? 'bigint' : 'integer';
    }
    case 'number':
      if (decimal) return { postgres: `numeric(${decimal.precision},${decimal.scale})`, snowflake: `NUMBER(${decimal.precision},${decimal.scale})`, bigquery: decimal.precision > 38 ? `BIGNUMERIC(${decimal.precision},${decimal.scale})` : `NUMERIC(${decimal.precision},${decimal.scale})` }[dialect];
      if (o.format === 'f32') return { postgres: 'real', snowflake: 'FLOAT', bigquery: 'FLOAT64' }[dialect];
      return { postgres: 'double precision', snowflake: 'FLOAT', bigquery: 'FLOAT64' }[dialect];
    case 'boolean':
      return { postgres: 'boolean', snowflake: 'BOOLEAN', bigquery: 'BOOL' }[dialect];
    case 'date':
      return { postgres: 'date', snowflake: 'DATE', bigquery: 'DATE' }[dialect];
    case 'timestamp':
      if (o.timezone === true) return { postgres: 'timestamptz', snowflake: 'TIMESTAMP_TZ', bigquery: 'TIMESTAMP' }[dialect];
      return { postgres: 'timestamp', snowflake: 'TIMESTAMP_NTZ', bigquery: 'DATETIME' }[dialect];
    case 'time':
      return { postgres: 'time', snowflake: 'TIME', bigquery: 'TIME' }[dialect];
    case 'object':
      if (dialect === 'bigquery') {
        const props = propertiesOf(property);
        return props.length > 0 ? `STRUCT<${props.map((p) => `${p.name} ${sqlType(p, dialect)}`).join(', ')}>` : 'JSON';
      }
      return dialect === 'postgres' ? 'jsonb' : 'OBJECT';
    case 'array': {
      const items = property.items;
      if (dialect === 'snowflake') return 'ARRAY';
      if (dialect === 'bigquery') return `ARRAY<${items ? sqlType(items, dialect) : 'STRING'}>`;
      if (!items || items.logicalType === 'array') return 'jsonb';
      if (items.logicalType === 'object') return 'jsonb[]';
      return `${sqlType(items, dialect)}[]`;
    }
    default:
      return { postgres: 'text', snowflake: 'VARCHAR', bigquery: 'STRING' }[dialect];
  }
}

/** PostgreSQL's built-in type names (and their SQL-standard spellings), without arguments or `[]`. */
const POSTGRES_TYPES = new Set([
  'text', 'varchar', 'character varying', 'char', 'character', 'bpchar', 'citext', 'uuid', 'bytea', 'json', 'jsonb', 'xml',
  'smallint', 'integer', 'int', 'int2', 'int4', 'int8', 'bigint', 'smallserial', 'serial', 'bigserial',
  'numeric', 'decimal', 'real', 'float4', 'float8', 'double precision', 'money',
  'boolean', 'bool', 'date', 'time', 'timetz', 'time with time zone', 'time without time zone',
  'timestamp', 'timestamptz', 'timestamp with time zone', 'timestamp without time zone', 'interval',
  'inet', 'cidr', 'macaddr',
]);

export function isPostgresType(physicalType: string): boolean {
  const base = physicalType.toLowerCase().replace(/(\[\d*\])+$/, '').replace(/\([^)]*\)/g, '').replace(/\s+/g, ' ').trim();
  return POSTGRES_TYPES.has(base);
}

function agrees(physicalType: string, property: OdcsProperty): boolean {
  const mapped = logicalFromSqlType(physicalType);
  if (!mapped.logicalType) return false;
  if (mapped.logicalType === property.logicalType) return true;
  // NUMBER(p,0)-style types read back as integers; a decimal with scale 0 still fits a number property.
  return mapped.logicalType === 'integer' && property.logicalType === 'number' && decimalOf(physicalType) !== undefined;
}
