import { readdirSync } from 'node:fs';
import path from 'node:path';
import avro from 'avsc';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import sqlParser from 'node-sql-parser';
import { exportAvro } from '../../../src/export/avro.js';
import { exportDbt } from '../../../src/export/dbt.js';
import { exportMarkdown } from '../../../src/export/markdown.js';
import { exportOdcs } from '../../../src/export/odcs.js';
import { exportSql } from '../../../src/export/sql.js';
import { contractToJsonSchema } from '../../../src/export/jsonschema.js';
import { ExportError } from '../../../src/export/contract-objects.js';
import type { OdcsContract } from '../../../src/import/odcs-shapes.js';
import { loadFile } from '../../../src/load/load-files.js';
import { FIXTURES, fixture, schemaFindings, yamlFixture } from '../import/helpers.js';
import { ddlShape, markdownShape } from './shapes.js';

const MESH = path.join(FIXTURES, 'export/mesh');
const REPO = path.resolve(FIXTURES, '../..');

async function invoices(): Promise<OdcsContract> {
  const loaded = await loadFile(path.join(MESH, 'contracts/billing/invoices.odcs.yaml'), { root: MESH, cwd: MESH });
  expect(loaded.findings).toEqual([]);
  return loaded.document!.data as OdcsContract;
}

const expected = (name: string) => fixture(`export/expected/${name}`);

describe('Avro export', () => {
  it('matches the expected schema (parsed JSON)', async () => {
    expect(JSON.parse(exportAvro(await invoices()))).toEqual(JSON.parse(expected('invoices.avsc')));
  });

  it('is a schema the Avro library accepts, and it encodes a record of the contract', async () => {
    const type = avro.Type.forSchema(JSON.parse(exportAvro(await invoices())));
    const row = { invoice_id: 'INV-2024-000001', line_no: 1, customer_id: '6f1c0f5e-2b1c-4a51-9a8e-0f1f2a3b4c5d', net_amount: Buffer.from([0x04, 0xd2]), currency: 'EUR', paid: null, due_date: null, created_at: Date.now(), tax_code: null };
    expect(type.isValid(row)).toBe(true);
    expect(type.isValid({ ...row, currency: 'CHF' })).toBe(false);
  });

  it('makes a property that is not required nullable with a null default', async () => {
    const record = JSON.parse(exportAvro(await invoices()));
    expect(record.fields.find((f: { name: string }) => f.name === 'paid')).toEqual({ name: 'paid', type: ['null', 'boolean'], default: null });
  });

  it('exports a union of records when the contract has several objects, one with --object', () => {
    const contract = yamlFixture<OdcsContract>('odcs/valid/ledger-warehouse.odcs.yaml');
    const all = JSON.parse(exportAvro(contract));
    expect(all.map((r: { name: string }) => r.name)).toEqual(['journal_entries', 'accounts']);
    const one = JSON.parse(exportAvro(contract, { object: 'accounts' }));
    expect(one).toMatchObject({ type: 'record', name: 'accounts' });
    expect(() => avro.Type.forSchema(all)).not.toThrow();
  });

  it('names the missing object when --object does not exist', async () => {
    expect(() => exportAvro(yamlFixture<OdcsContract>('odcs/valid/orders-table.odcs.yaml'), { object: 'nope' })).toThrow(ExportError);
    expect(() => exportAvro(yamlFixture<OdcsContract>('odcs/valid/orders-table.odcs.yaml'), { object: 'nope' })).toThrow(/no schema object named "nope" \(objects: orders\)/);
  });
});

describe('SQL export', () => {
  for (const dialect of ['postgres', 'snowflake', 'bigquery'] as const) {
    it(`${dialect}: matches the expected DDL (statement by statement, column by column)`, async () => {
      expect(ddlShape(exportSql(await invoices(), { dialect }))).toEqual(ddlShape(expected(`invoices.${dialect}.sql`)));
    });
  }

  it('postgres: the DDL parses as PostgreSQL', async () => {
    const parser = new sqlParser.Parser();
    const sql = exportSql(await invoices());
    expect(() => parser.astify(sql, { database: 'PostgresQL' })).not.toThrow();
  });

  it('quotes identifiers only when needed and escapes quotes in comments', () => {
    const contract: OdcsContract = {
      apiVersion: 'v3.1.0', kind: 'DataContract', id: 'q', version: '1.0.0', status: 'draft',
      schema: [{ name: 'Order Lines', properties: [{ name: 'order', logicalType: 'string', description: "it's" }, { name: 'qty', logicalType: 'integer' }] }],
    };
    const sql = exportSql(contract);
    expect(sql).toContain('CREATE TABLE "Order Lines" (');
    expect(sql).toContain('"order" text');
    expect(sql).toContain('qty integer');
    expect(sql).toContain(`COMMENT ON COLUMN "Order Lines"."order" IS 'it''s';`);
    expect(exportSql(contract, { dialect: 'bigquery' })).toContain('CREATE TABLE `Order Lines` (');
  });
});

describe('dbt export', () => {
  it('matches the expected schema.yml (parsed YAML)', async () => {
    expect(parse(exportDbt(await invoices()))).toEqual(parse(expected('invoices.dbt.yml')));
  });

  it('enforces the contract of every model and gives every column a data_type', async () => {
    const yml = parse(exportDbt(await invoices()));
    for (const model of yml.models) {
      expect(model.config.contract).toEqual({ enforced: true });
      for (const column of model.columns) expect(typeof column.data_type).toBe('string');
    }
  });

  it('uses the warehouse type names of --dialect', async () => {
    const yml = parse(exportDbt(await invoices(), { dialect: 'snowflake' }));
    expect(yml.models[0].columns.find((c: { name: string }) => c.name === 'net_amount').data_type).toBe('NUMBER(12,2)');
  });
});

describe('Markdown export', () => {
  it('matches the expected page (headings, tables, lists, paragraphs)', async () => {
    expect(markdownShape(exportMarkdown(await invoices()))).toEqual(markdownShape(expected('invoices.md')));
  });

  it('escapes contract text so it cannot break a table row', async () => {
    const md = exportMarkdown(await invoices());
    const shape = markdownShape(md) as { table?: string[]; rows?: string[][] }[];
    const schemaTable = shape.find((b) => b.table?.[0] === 'Property');
    for (const row of schemaTable?.rows ?? []) expect(row).toHaveLength(6);
  });
});

describe('ODCS export', () => {
  it('writes the contract with every $ref resolved, still conforming to the ODCS schema', async () => {
    const text = exportOdcs(await invoices(), { source: 'contracts/billing/invoices.odcs.yaml' });
    expect(text).not.toContain('$ref');
    const data = parse(text);
    expect(data).toEqual(parse(expected('invoices.resolved.odcs.yaml')));
    expect(data.schema[0].properties.find((p: { name: string }) => p.name === 'created_at')).toMatchObject({ logicalType: 'timestamp', required: true });
    expect(schemaFindings(data)).toEqual([]);
  });

  it('refuses a contract that still holds a $ref', () => {
    const contract = { apiVersion: 'v3.1.0', kind: 'DataContract', id: 'x', version: '1.0.0', status: 'draft', schema: [{ $ref: 'x.yaml' }] } as unknown as OdcsContract;
    expect(() => exportOdcs(contract)).toThrow(/\$ref/);
  });
});

describe('JSON Schema export', () => {
  const contract = (properties: unknown[]): OdcsContract =>
    ({ apiVersion: 'v3.1.0', kind: 'DataContract', id: 'c', version: '1.0.0', status: 'active', schema: [{ name: 'orders', logicalType: 'object', properties }] }) as unknown as OdcsContract;

  it('requires the properties marked required, and a nested object also the names its logicalTypeOptions.required lists', () => {
    const schema = contractToJsonSchema(contract([
      { name: 'id', logicalType: 'string', required: true },
      { name: 'note', logicalType: 'string' },
      {
        name: 'address', logicalType: 'object', logicalTypeOptions: { required: ['city'] },
        properties: [{ name: 'street', logicalType: 'string', required: true }, { name: 'city', logicalType: 'string' }, { name: 'zip', logicalType: 'string' }],
      },
    ]));
    expect(schema.required).toEqual(['id']);
    const address = (schema.properties as Record<string, Record<string, unknown>>).address;
    expect(address.required).toEqual(['street', 'city']);
    // Listed as required but not marked `required: true`: present, though it may be null.
    expect((address.properties as Record<string, Record<string, unknown>>).city.type).toEqual(['string', 'null']);
  });

  it('leaves a primary key that is not marked required optional (lint asks the owner to mark it)', () => {
    const schema = contractToJsonSchema(contract([{ name: 'id', logicalType: 'string', primaryKey: true }]));
    expect(schema.required).toBeUndefined();
  });
});

describe('exports of the example mesh (contracts/)', () => {
  // PostgreSQL's built-in type names, written out here independently of src/export/sql-types.ts.
  const POSTGRES = /^(text|varchar\(\d+\)|char\(\d+\)|uuid|bytea|jsonb?|smallint|integer|bigint|numeric(\(\d+(,\d+)?\))?|real|double precision|boolean|bool|int[248]?|float[48]|decimal(\(\d+(,\d+)?\))?|date|time|timestamp|timestamptz)(\[\])*$/i;
  const exampleContracts = readdirSync(path.join(REPO, 'contracts'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.odcs.yaml'))
    .sort();

  async function load(file: string): Promise<OdcsContract> {
    const loaded = await loadFile(path.join(REPO, 'contracts', file), { root: REPO, cwd: REPO });
    expect(loaded.findings).toEqual([]);
    return loaded.document!.data as OdcsContract;
  }

  it('has the contracts to test', () => {
    expect(exampleContracts.length).toBeGreaterThanOrEqual(12);
  });

  it('postgres DDL uses only PostgreSQL column types, whatever warehouse the physical types were written for', async () => {
    for (const file of exampleContracts) {
      const ddl = exportSql(await load(file), { dialect: 'postgres' });
      const columns = [...ddl.matchAll(/^ {2}("[^"]+"|[a-z_][a-z0-9_$]*) (.+?)(?= NOT NULL| PRIMARY KEY| REFERENCES| UNIQUE|,?$)/gm)];
      expect(columns.length, file).toBeGreaterThan(0);
      for (const [, name, type] of columns) expect(type, `${file}: ${name}`).toMatch(POSTGRES);
    }
  });

  it('foreign keys written as fully qualified ODCS references become REFERENCES <table> (<column>)', async () => {
    const ddl = exportSql(await load('finance/payments.odcs.yaml'));
    expect(ddl).toMatch(/^ {2}invoice_id \S+ REFERENCES invoices \(invoice_id\),?$/m);
    expect(ddl).not.toContain('#');
  });

  it('every exporter handles every example contract, and the ODCS export re-validates', async () => {
    for (const file of exampleContracts) {
      const contract = await load(file);
      expect(() => avro.Type.forSchema(JSON.parse(exportAvro(contract)) as avro.Schema), file).not.toThrow();
      expect(parse(exportDbt(contract)).models.length, file).toBe(contract.schema!.length);
      expect(markdownShape(exportMarkdown(contract)), file).toContainEqual({ heading: 1, text: expect.any(String) });
      expect(schemaFindings(parse(exportOdcs(contract)) as OdcsContract), file).toEqual([]);
    }
  });
});
