import { describe, expect, it } from 'vitest';
import { importAvro } from '../../../src/import/avro.js';
import { importDbt } from '../../../src/import/dbt.js';
import { importDcs } from '../../../src/import/dcs.js';
import { importJsonSchema } from '../../../src/import/json-schema.js';
import { guessImportFormat, IMPORTERS } from '../../../src/import/registry.js';
import { importSqlDdl } from '../../../src/import/sql-ddl.js';
import { ImportError, type ImportOptions, type ImportResult } from '../../../src/import/types.js';
import { fixture, schemaFindings, yamlFixture } from './helpers.js';

type Run = (text: string, options: ImportOptions) => ImportResult;

const run = (importer: Run, source: string, options: Partial<ImportOptions> = {}): ImportResult =>
  importer(fixture(`import/sources/${source}`), { file: `sources/${source}`, ...options });

describe('importers turn each source into the expected ODCS v3.1.0 contract', () => {
  const cases: [string, Run, string, Partial<ImportOptions>, string][] = [
    ['JSON Schema', importJsonSchema, 'customer.schema.json', { domain: 'crm' }, 'customer.schema.json.odcs.yaml'],
    ['Avro', importAvro, 'payment.avsc', { domain: 'finance' }, 'payment.avsc.odcs.yaml'],
    ['PostgreSQL DDL', importSqlDdl, 'shipments.sql', { domain: 'logistics' }, 'shipments.sql.odcs.yaml'],
    ['dbt manifest.json', importDbt, 'dbt/manifest.json', { domain: 'sales' }, 'dbt-manifest.odcs.yaml'],
    ['dbt schema.yml', importDbt, 'dbt/schema.yml', { domain: 'finance' }, 'dbt-schema-yml.odcs.yaml'],
    ['Data Contract Specification', importDcs, 'orders-latest.dcs.yaml', { domain: 'checkout' }, 'orders-latest.dcs.odcs.yaml'],
  ];
  for (const [label, importer, source, options, expected] of cases) {
    it(`${label}: ${source} matches expected/${expected}`, () => {
      const { contract } = run(importer, source, options);
      expect(contract).toEqual(yamlFixture(`import/expected/${expected}`));
    });
    it(`${label}: the imported contract conforms to the official ODCS schema`, () => {
      expect(schemaFindings(run(importer, source, options).contract)).toEqual([]);
    });
  }
});

describe('contract frame', () => {
  it('uses --id, --name and --version over what the source says', () => {
    const { contract } = run(importAvro, 'payment.avsc', { id: 'pay-v2', name: 'Payments', version: '2.0.0' });
    expect(contract).toMatchObject({ id: 'pay-v2', name: 'Payments', version: '2.0.0', status: 'draft' });
    expect(contract.domain).toBeUndefined();
  });

  it('does not repeat the domain in the generated id', () => {
    const { contract } = importSqlDdl('CREATE TABLE sales_orders (id int);', { file: 'x.sql', domain: 'sales' });
    expect(contract.id).toBe('sales-orders');
  });

  it('leaves what only the owner can say (team, support, SLAs) out of schema-derived imports', () => {
    for (const [importer, source] of [[importJsonSchema, 'customer.schema.json'], [importAvro, 'payment.avsc'], [importSqlDdl, 'shipments.sql'], [importDbt, 'dbt/manifest.json']] as const) {
      const { contract } = run(importer, source, { domain: 'd' });
      expect(contract.team).toBeUndefined();
      expect(contract.support).toBeUndefined();
      expect(contract.slaProperties).toBeUndefined();
    }
  });
});

describe('PostgreSQL array columns', () => {
  it('reads arrays of any element type, including ones the SQL parser cannot spell (uuid[], date[], jsonb[])', () => {
    const { contract } = importSqlDdl('CREATE TABLE t (a uuid[] NOT NULL, "b c" date [], d integer[], e jsonb[])', { file: 'x.sql' });
    expect(contract.schema?.[0].properties).toEqual([
      { name: 'a', logicalType: 'array', physicalType: 'uuid[]', required: true, items: { logicalType: 'string', logicalTypeOptions: { format: 'uuid' } } },
      { name: 'b c', logicalType: 'array', physicalType: 'date[]', items: { logicalType: 'date' } },
      { name: 'd', logicalType: 'array', physicalType: 'integer[]', items: { logicalType: 'integer', logicalTypeOptions: { format: 'i32' } } },
      { name: 'e', logicalType: 'array', physicalType: 'jsonb[]', items: { logicalType: 'object' } },
    ]);
  });
});

describe('notes report what the target cannot carry', () => {
  it('JSON Schema: default values are reported as dropped, with their path', () => {
    const { notes } = run(importJsonSchema, 'customer.schema.json');
    expect(notes).toContainEqual({ at: 'properties.score.default', message: expect.stringMatching(/default value 0.5 cannot be expressed/) });
  });

  it('Avro: a map and a non-null default are reported', () => {
    const { notes } = run(importAvro, 'payment.avsc');
    expect(notes.map((n) => n.at)).toEqual(expect.arrayContaining(['fields[9].type', 'fields[8].default']));
  });

  it('SQL: DEFAULT, schema qualifiers and non-table statements are reported with their line', () => {
    const { notes } = run(importSqlDdl, 'shipments.sql');
    expect(notes).toContainEqual({ at: 'line 2, shipments.is_express', message: 'the DEFAULT value cannot be expressed in ODCS: dropped' });
    expect(notes).toContainEqual({ at: 'line 23', message: expect.stringMatching(/CREATE INDEX .* skipped/) });
  });

  it('dbt: a model that does not enforce its contract is pointed out; models of other packages are skipped', () => {
    const { contract, notes } = run(importDbt, 'dbt/manifest.json');
    expect(notes.some((n) => /"customers" does not enforce its contract/.test(n.message))).toBe(true);
    expect(contract.schema?.map((o) => o.name)).toEqual(['orders', 'customers']);
  });

  it('dbt: --model keeps only the named models and rejects unknown ones', () => {
    expect(run(importDbt, 'dbt/manifest.json', { models: ['customers'] }).contract.schema?.map((o) => o.name)).toEqual(['customers']);
    expect(() => run(importDbt, 'dbt/manifest.json', { models: ['nope'] })).toThrow(/no model named "nope".*orders, customers/);
  });

  it('DCS: the owner, the renamed id and unmapped terms are reported', () => {
    const { notes } = run(importDcs, 'orders-latest.dcs.yaml', { domain: 'checkout' });
    const at = notes.map((n) => n.at);
    expect(at).toEqual(expect.arrayContaining(['id', 'info.owner', 'terms.billing', 'servicelevels.support']));
  });
});

describe('invalid sources get a clear error with file, line and column', () => {
  const cases: [string, Run, string, RegExp, number, number][] = [
    ['an unresolvable $ref', importJsonSchema, 'unresolved-ref.schema.json', /\$ref "#\/\$defs\/adress" does not resolve/, 5, 18],
    ['truncated JSON', importJsonSchema, 'truncated.schema.json', /not valid JSON/, 5, 1],
    ['an unknown Avro type name', importAvro, 'unknown-type.avsc', /unknown Avro type "timestmp"/, 6, 21],
    ['an Avro record without fields', importAvro, 'missing-fields.avsc', /record "Event" needs a "fields" array/, 1, 1],
    ['a SQL syntax error', importSqlDdl, 'syntax.sql', /SQL syntax error in "CREATE TABLE broken"/, 5, 20],
    ['SQL without CREATE TABLE', importSqlDdl, 'no-table.sql', /no CREATE TABLE statement found/, 1, 1],
    ['a JSON file that is not dbt', importDbt, 'not-dbt.json', /not a dbt manifest/, 1, 1],
    ['an unknown DCS field type', importDcs, 'bad-field.dcs.yaml', /unknown field type "strng"/, 10, 9],
    ['a duplicate YAML key', importDcs, 'duplicate-key.dcs.yaml', /not valid YAML: .*unique/i, 5, 3],
  ];
  for (const [label, importer, source, message, line, column] of cases) {
    it(`reports ${label} at ${line}:${column}`, () => {
      let error: unknown;
      try {
        importer(fixture(`import/invalid/${source}`), { file: `invalid/${source}` });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(ImportError);
      const e = error as ImportError;
      expect(e.message).toMatch(message);
      expect(e.location).toEqual({ file: `invalid/${source}`, line, column });
      expect(e.describe()).toBe(`invalid/${source}:${line}:${column}: ${e.message}`);
    });
  }

  it('rejects a document that is not a Data Contract Specification', () => {
    expect(() => importDcs('apiVersion: v3.1.0\n', { file: 'x.yaml' })).toThrow(/needs "dataContractSpecification/);
  });

  it('rejects an empty file', () => {
    expect(() => importJsonSchema('  \n', { file: 'e.json' })).toThrow(/empty/);
  });
});

describe('format guessing', () => {
  it('recognises each fixture by name or content', () => {
    expect(guessImportFormat('a/customer.schema.json', fixture('import/sources/customer.schema.json'))).toBe('jsonschema');
    expect(guessImportFormat('payment.avsc', '')).toBe('avro');
    expect(guessImportFormat('ddl.sql', '')).toBe('sql');
    expect(guessImportFormat('target/manifest.json', '')).toBe('dbt');
    expect(guessImportFormat('models/schema.yml', fixture('import/sources/dbt/schema.yml'))).toBe('dbt');
    expect(guessImportFormat('contract.yaml', fixture('import/sources/orders-latest.dcs.yaml'))).toBe('dcs');
    expect(guessImportFormat('notes.txt', 'hello')).toBeUndefined();
  });

  it('lists every format once', () => {
    expect(IMPORTERS.map((i) => i.format)).toEqual(['jsonschema', 'avro', 'sql', 'dbt', 'dcs']);
  });
});
