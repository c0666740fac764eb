// A warehouse column type written as text (`varchar(64)`, `NUMBER(12,2)`, `timestamp with time
// zone`, `ARRAY<STRING>`) → the ODCS logical type and options. Used where types arrive as
// strings: dbt `data_type`, Data Contract Specification types.
import type { LogicalType, OdcsProperty } from './odcs-shapes.js';

export interface MappedType {
  logicalType?: LogicalType;
  logicalTypeOptions?: Record<string, unknown>;
  items?: OdcsProperty;
}

export function logicalFromSqlType(text: string): MappedType {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  const array = /^array<(.+)>$/.exec(t) ?? /^(.+)\[\]$/.exec(t);
  if (array) {
    const inner = logicalFromSqlType(array[1]);
    const items: OdcsProperty = {};
    if (inner.logicalType) items.logicalType = inner.logicalType;
    if (inner.logicalTypeOptions) items.logicalTypeOptions = inner.logicalTypeOptions;
    return { logicalType: 'array', items };
  }
  const m = /^([a-z_][a-z0-9_ ]*?)\s*(?:\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\))?(?:\s+(.*))?$/.exec(t);
  const base = m?.[1] ?? t;
  const length = m?.[2] !== undefined ? Number(m[2]) : undefined;
  const rest = m?.[4] ?? '';
  switch (base) {
    case 'varchar':
    case 'character varying':
    case 'char':
    case 'character':
    case 'nvarchar':
    case 'nchar':
    case 'string':
    case 'text':
    case 'bpchar':
      return { logicalType: 'string', ...(length !== undefined ? { logicalTypeOptions: { maxLength: length } } : {}) };
    case 'uuid':
      return { logicalType: 'string', logicalTypeOptions: { format: 'uuid' } };
    case 'bytea':
    case 'binary':
    case 'varbinary':
    case 'bytes':
      return { logicalType: 'string', logicalTypeOptions: { format: 'binary' } };
    case 'smallint':
    case 'int2':
    case 'tinyint':
    case 'byteint':
      return { logicalType: 'integer', logicalTypeOptions: { format: 'i16' } };
    case 'int':
    case 'integer':
    case 'int4':
    case 'serial':
      return { logicalType: 'integer', logicalTypeOptions: { format: 'i32' } };
    case 'bigint':
    case 'int8':
    case 'int64':
    case 'long':
    case 'bigserial':
      return { logicalType: 'integer', logicalTypeOptions: { format: 'i64' } };
    case 'number':
    case 'numeric':
    case 'decimal':
    case 'bignumeric':
      // Snowflake spells integers NUMBER(p,0); a scale of 0 holds whole numbers only.
      return m?.[3] === '0' || (base === 'number' && length !== undefined && m?.[3] === undefined) ? { logicalType: 'integer' } : { logicalType: 'number' };
    case 'real':
    case 'float4':
      return { logicalType: 'number', logicalTypeOptions: { format: 'f32' } };
    case 'float':
    case 'float8':
    case 'float64':
    case 'double':
    case 'double precision':
      return { logicalType: 'number', logicalTypeOptions: { format: 'f64' } };
    case 'boolean':
    case 'bool':
      return { logicalType: 'boolean' };
    case 'date':
      return { logicalType: 'date' };
    case 'timestamptz':
    case 'timestamp_tz':
    case 'timestamp_ltz':
      return { logicalType: 'timestamp', logicalTypeOptions: { timezone: true } };
    case 'timestamp':
    case 'timestamp_ntz':
    case 'datetime':
      return { logicalType: 'timestamp', logicalTypeOptions: { timezone: /with time zone/.test(rest) } };
    case 'time':
    case 'timetz':
      return { logicalType: 'time' };
    case 'json':
    case 'jsonb':
    case 'variant':
    case 'object':
    case 'struct':
    case 'record':
    case 'super':
      return { logicalType: 'object' };
    default:
      if (/^struct</.test(t)) return { logicalType: 'object' };
      return {};
  }
}
