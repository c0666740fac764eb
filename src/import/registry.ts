// Every importer, by format name: the CLI, the docs and the tests read this one list.
import { importAvro } from './avro.js';
import { importDbt } from './dbt.js';
import { importDcs } from './dcs.js';
import { importJsonSchema } from './json-schema.js';
import { importSqlDdl } from './sql-ddl.js';
import type { ImportFormat, ImportOptions, ImportResult } from './types.js';

export interface Importer {
  format: ImportFormat;
  summary: string;
  /** File names this importer is guessed for when --format is omitted. */
  matches: RegExp;
  run(text: string, options: ImportOptions): ImportResult;
}

export const IMPORTERS: readonly Importer[] = [
  { format: 'jsonschema', summary: 'JSON Schema (draft-04 to 2020-12): an object schema, or $defs of object schemas', matches: /\.schema\.json$/i, run: importJsonSchema },
  { format: 'avro', summary: 'Avro schema (.avsc): a record or a union of records', matches: /\.avsc$/i, run: importAvro },
  { format: 'sql', summary: 'PostgreSQL DDL: CREATE TABLE statements (+ COMMENT ON)', matches: /\.(sql|ddl)$/i, run: importSqlDdl },
  { format: 'dbt', summary: 'dbt target/manifest.json or a models schema.yml', matches: /(^|[\\/])manifest\.json$/i, run: importDbt },
  { format: 'dcs', summary: 'Data Contract Specification YAML (dataContractSpecification: ...)', matches: /\.(datacontract|dcs)\.ya?ml$|(^|[\\/])datacontract\.ya?ml$/i, run: importDcs },
];

export const IMPORT_FORMATS: readonly ImportFormat[] = IMPORTERS.map((i) => i.format);

export function importerFor(format: string): Importer | undefined {
  return IMPORTERS.find((i) => i.format === format);
}

/** The format of a source from its name, then its content; undefined when unsure. */
export function guessImportFormat(file: string, text: string): ImportFormat | undefined {
  const byName = IMPORTERS.find((i) => i.matches.test(file));
  if (byName) return byName.format;
  const head = text.slice(0, 4096);
  if (/^\s*dataContractSpecification\s*:/m.test(head)) return 'dcs';
  if (/"dbt_schema_version"/.test(head)) return 'dbt';
  if (/^\s*version\s*:\s*2\s*$/m.test(head) && /^\s*models\s*:/m.test(head)) return 'dbt';
  if (/"\$schema"\s*:\s*"https?:\/\/json-schema\.org/.test(head)) return 'jsonschema';
  if (/"type"\s*:\s*"record"/.test(head)) return 'avro';
  if (/^\s*create\s+table/im.test(head)) return 'sql';
  return undefined;
}
