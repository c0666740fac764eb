// The formats `mesh export` knows: one module per format under src/export/<format>.ts, listed here.
// Adding a format: write src/export/<format>.ts exporting a function (contract, options) → text and
// add an entry below; the command, its help and its tests pick it up.
import type { OdcsContract } from '../import/odcs-shapes.js';
import { exportAvro } from './avro.js';
import { exportDbt } from './dbt.js';
import { exportJsonSchema } from './jsonschema.js';
import { exportMarkdown } from './markdown.js';
import { exportOdcs } from './odcs.js';
import { exportSql } from './sql.js';
import { SQL_DIALECTS, type SqlDialect } from './sql-types.js';

export interface ExportRequest {
  /** Only this schema object (by name or physicalName). */
  object?: string;
  /** SQL dialect for formats that write SQL types. */
  dialect?: SqlDialect;
  /** Repository-relative path of the source contract (named in headers). */
  source?: string;
}

export interface ExportFormat {
  name: string;
  summary: string;
  /** File extension of the output (for `--out` directories and docs). */
  extension: string;
  /** Which ExportRequest options the format reads. */
  options: readonly ('object' | 'dialect')[];
  run(contract: OdcsContract, request: ExportRequest): string;
}

export const EXPORT_FORMATS: readonly ExportFormat[] = [
  { name: 'jsonschema', summary: 'JSON Schema (draft-07) of the records of each schema object; open models', extension: 'schema.json', options: ['object'], run: (c, r) => exportJsonSchema(c, { object: r.object }) },
  { name: 'avro', summary: 'Avro schema: one record per schema object', extension: 'avsc', options: ['object'], run: (c, r) => exportAvro(c, { object: r.object }) },
  { name: 'sql', summary: 'CREATE TABLE statements (PostgreSQL, Snowflake or BigQuery)', extension: 'sql', options: ['object', 'dialect'], run: (c, r) => exportSql(c, { object: r.object, dialect: r.dialect }) },
  { name: 'dbt', summary: 'dbt schema.yml with enforced model contracts', extension: 'yml', options: ['object', 'dialect'], run: (c, r) => exportDbt(c, { object: r.object, dialect: r.dialect }) },
  { name: 'markdown', summary: 'a Markdown page describing the contract', extension: 'md', options: ['object'], run: (c, r) => exportMarkdown(c, { object: r.object }) },
  { name: 'odcs', summary: 'the contract with every $ref resolved', extension: 'odcs.yaml', options: [], run: (c, r) => exportOdcs(c, { source: r.source }) },
];

export function exportFormat(name: string): ExportFormat | undefined {
  return EXPORT_FORMATS.find((f) => f.name === name);
}

export { SQL_DIALECTS };
