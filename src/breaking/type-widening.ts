// How a logicalType or physicalType change affects readers: `same` (spelling only), `widened`
// (a reader can absorb it: INT → BIGINT, integer → number), `narrowed` (values or precision are
// lost: BIGINT → INT, DECIMAL(12,2) → DECIMAL(10,2), timestamp → date) or `changed` (another kind
// of value). The tables are documented in docs/breaking.md.

export type TypeChange = 'same' | 'widened' | 'narrowed' | 'changed';

/** logicalType pairs a reader can absorb (old → new). */
const LOGICAL_WIDENING: Record<string, readonly string[]> = {
  integer: ['number'],
};
/** logicalType pairs that lose information (old → new). */
const LOGICAL_NARROWING: Record<string, readonly string[]> = {
  number: ['integer'],
  timestamp: ['date'],
};

export function compareLogicalTypes(oldType: string, newType: string): TypeChange {
  const o = oldType.trim().toLowerCase();
  const n = newType.trim().toLowerCase();
  if (o === n) return 'same';
  if (LOGICAL_WIDENING[o]?.includes(n)) return 'widened';
  if (LOGICAL_NARROWING[o]?.includes(n)) return 'narrowed';
  return 'changed';
}

/** A parsed physical (SQL-ish) type: its family, an order inside the family and its parameters. */
interface PhysicalType {
  family: 'int' | 'float' | 'decimal' | 'string' | 'other';
  /** Size rank in the family (int: bytes; float: bytes; string: max length, Infinity when unbounded). */
  size: number;
  precision?: number;
  scale?: number;
  /** Normalised spelling, for `same` on unknown types. */
  text: string;
}

const INT_BYTES: Record<string, number> = {
  tinyint: 1, byteint: 1, int1: 1, int8_t: 1,
  smallint: 2, int2: 2, short: 2,
  mediumint: 3,
  int: 4, integer: 4, int4: 4,
  bigint: 8, int8: 8, long: 8, int64: 8,
  hugeint: 16, int128: 16,
};
const FLOAT_BYTES: Record<string, number> = { real: 4, float4: 4, float: 8, float8: 8, double: 8, 'double precision': 8, float64: 8 };
const DECIMALS = new Set(['decimal', 'numeric', 'number', 'dec', 'bignumeric']);
const UNBOUNDED_STRINGS = new Set(['text', 'string', 'clob', 'longtext', 'varchar', 'nvarchar', 'character varying']);
const BOUNDED_STRINGS = new Set(['varchar', 'nvarchar', 'char', 'nchar', 'character', 'character varying', 'string', 'varchar2', 'nvarchar2']);

export function parsePhysicalType(text: string): PhysicalType {
  const norm = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/\s*([(),])\s*/g, '$1');
  const m = /^([a-z_][a-z0-9_ ]*?)(?:\((\d+)(?:,(\d+))?\))?$/.exec(norm);
  if (!m) return { family: 'other', size: 0, text: norm };
  const base = m[1].trim();
  const p = m[2] !== undefined ? Number(m[2]) : undefined;
  const s = m[3] !== undefined ? Number(m[3]) : undefined;
  if (base in INT_BYTES && p === undefined) return { family: 'int', size: INT_BYTES[base], text: base };
  if (base in FLOAT_BYTES && p === undefined) return { family: 'float', size: FLOAT_BYTES[base], text: base };
  if (DECIMALS.has(base)) {
    // NUMBER without precision is Snowflake's NUMBER(38,0).
    const precision = p ?? 38;
    const scale = s ?? 0;
    return { family: 'decimal', size: precision, precision, scale, text: `decimal(${precision},${scale})` };
  }
  if (p === undefined && UNBOUNDED_STRINGS.has(base)) return { family: 'string', size: Infinity, text: 'string' };
  if (BOUNDED_STRINGS.has(base)) {
    const size = p ?? (base === 'char' || base === 'character' || base === 'nchar' ? 1 : Infinity);
    return { family: 'string', size, text: `string(${size})` };
  }
  return { family: 'other', size: 0, text: norm };
}

/** Integer digits an integer type of `bytes` bytes needs to be held in a DECIMAL. */
const INT_DIGITS: Record<number, number> = { 1: 3, 2: 5, 3: 8, 4: 10, 8: 19, 16: 39 };

function compareSizes(o: number, n: number): TypeChange {
  return n === o ? 'same' : n > o ? 'widened' : 'narrowed';
}

export function comparePhysicalTypes(oldType: string, newType: string): TypeChange {
  const o = parsePhysicalType(oldType);
  const n = parsePhysicalType(newType);
  if (o.family === 'other' || n.family === 'other') return o.text === n.text ? 'same' : 'changed';
  if (o.family === n.family) {
    if (o.family === 'decimal') {
      const intO = o.precision! - o.scale!;
      const intN = n.precision! - n.scale!;
      if (intN === intO && n.scale === o.scale) return 'same';
      if (intN >= intO && n.scale! >= o.scale!) return 'widened';
      return 'narrowed';
    }
    return compareSizes(o.size, n.size);
  }
  // Across families: integers fit into floats and wide enough decimals; the reverse loses values.
  if (o.family === 'int' && n.family === 'float') return 'widened';
  if (o.family === 'int' && n.family === 'decimal') return n.precision! - n.scale! >= (INT_DIGITS[o.size] ?? 39) ? 'widened' : 'narrowed';
  if (o.family === 'decimal' && n.family === 'float') return 'narrowed'; // exact decimals become approximations
  if ((o.family === 'float' || o.family === 'decimal') && n.family === 'int') return 'narrowed';
  if (o.family === 'float' && n.family === 'decimal') return 'narrowed';
  return 'changed';
}
