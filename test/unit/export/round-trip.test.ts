// Export, then import the result: what the target format can carry must come back unchanged.
// Each case lists the facets that survive; docs/import-export.md lists what is lost and why.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportAvro } from '../../../src/export/avro.js';
import { decimalOf, primaryKeyOf, propertiesOf, uniqueCombinationsOf } from '../../../src/export/contract-objects.js';
import { exportDbt } from '../../../src/export/dbt.js';
import { exportJsonSchema } from '../../../src/export/jsonschema.js';
import { exportSql } from '../../../src/export/sql.js';
import { importAvro } from '../../../src/import/avro.js';
import { importDbt } from '../../../src/import/dbt.js';
import { importJsonSchema } from '../../../src/import/json-schema.js';
import { validValuesOf, type OdcsContract, type OdcsProperty } from '../../../src/import/odcs-shapes.js';
import { importSqlDdl } from '../../../src/import/sql-ddl.js';
import { loadFile } from '../../../src/load/load-files.js';
import { FIXTURES, schemaFindings, yamlFixture } from '../import/helpers.js';

type Facet = 'types' | 'required' | 'descriptions' | 'nested' | 'validValues' | 'decimals' | 'keys' | 'unique' | 'maxLength' | 'relationships' | 'rules' | 'options' | 'examples' | 'businessNames' | 'declaredRequired';

/** The facets of a contract's schema that a format claims to carry, in a comparable form. */
function essentials(contract: OdcsContract, facets: Facet[]): unknown {
  const has = (f: Facet) => facets.includes(f);
  const property = (p: OdcsProperty, soleKey = false): Record<string, unknown> => {
    const out: Record<string, unknown> = { name: p.name };
    if (has('types')) out.logicalType = p.logicalType;
    if (has('required')) out.required = p.required === true || p.primaryKey === true;
    if (has('descriptions')) out.description = p.description;
    if (has('validValues')) out.validValues = validValuesOf(p);
    if (has('decimals')) out.decimal = decimalOf(p.physicalType);
    // A single-column primary key is unique by definition: formats say it once.
    if (has('unique')) out.unique = p.unique === true || soleKey;
    if (has('maxLength')) out.maxLength = p.logicalTypeOptions?.maxLength;
    if (has('declaredRequired')) out.required = p.required === true;
    if (has('options')) out.options = jsonSchemaOptions(p);
    if (has('examples')) out.examples = p.examples;
    if (has('businessNames')) out.businessName = p.businessName;
    if (has('relationships')) out.relationships = (p.relationships as { to?: unknown }[] | undefined)?.map((r) => r.to);
    if (has('rules')) out.rules = (p.quality ?? []).filter((q) => q.metric === 'nullValues' || q.metric === 'duplicateValues').map((q) => `${q.metric}:${String(q.severity ?? '')}`);
    if (has('nested')) {
      if (p.logicalType === 'object') out.properties = propertiesOf(p).map((c) => property(c));
      if (p.items) out.items = property(p.items);
    }
    return out;
  };
  return (contract.schema ?? []).map((o) => ({
    name: String(o.physicalName ?? o.name),
    ...(has('descriptions') ? { description: o.description } : {}),
    ...(has('keys') ? { key: primaryKeyOf(o) } : {}),
    ...(has('unique') ? { uniqueTogether: uniqueCombinationsOf(o) } : {}),
    properties: propertiesOf(o).map((p) => property(p, primaryKeyOf(o).length === 1 && primaryKeyOf(o)[0] === p.name)),
  }));
}

/**
 * logicalTypeOptions JSON Schema has keywords for: not the width of integers and floats (`format:
 * i64`) nor the options of temporal types (`timezone`, `format` of a date), which are lost
 * (docs/import-export.md). An object's `required` list survives (as `required` of a nullable key).
 */
function jsonSchemaOptions(p: OdcsProperty): Record<string, unknown> | undefined {
  const options = { ...(p.logicalTypeOptions ?? {}) } as Record<string, unknown>;
  if (p.logicalType === 'integer' || p.logicalType === 'number') delete options.format;
  if (p.logicalType === 'date' || p.logicalType === 'timestamp' || p.logicalType === 'time') return undefined;
  return Object.keys(options).length ? options : undefined;
}

async function invoices(): Promise<OdcsContract> {
  const mesh = path.join(FIXTURES, 'export/mesh');
  const loaded = await loadFile(path.join(mesh, 'contracts/billing/invoices.odcs.yaml'), { root: mesh, cwd: mesh });
  return loaded.document!.data as OdcsContract;
}

const orders = () => yamlFixture<OdcsContract>('odcs/valid/orders-table.odcs.yaml');

describe('round trips: export then import gives back what the format carries', () => {
  it('Avro: types, required, descriptions, nesting, valid values (enums) and decimals survive', async () => {
    const facets: Facet[] = ['types', 'required', 'descriptions', 'nested', 'validValues', 'decimals'];
    for (const contract of [await invoices(), orders()]) {
      const back = importAvro(exportAvro(contract), { file: 'x.avsc' }).contract;
      // The record of a single-object contract is named after the object, not its physicalName.
      const strip = (e: unknown) => (e as { name: string }[]).map(({ name: _n, ...rest }) => rest);
      expect(strip(essentials(back, facets))).toEqual(strip(essentials(contract, facets)));
      expect(schemaFindings(back)).toEqual([]);
    }
  });

  it('PostgreSQL DDL: types, required, descriptions, keys, uniqueness, maxLength, decimals and foreign keys survive', async () => {
    const facets: Facet[] = ['types', 'required', 'descriptions', 'keys', 'unique', 'maxLength', 'decimals', 'relationships'];
    const contract = await invoices();
    const back = importSqlDdl(exportSql(contract, { dialect: 'postgres' }), { file: 'x.sql' }).contract;
    expect(essentials(back, facets)).toEqual(essentials(contract, facets));
    expect(schemaFindings(back)).toEqual([]);
  });

  it('PostgreSQL DDL: nested objects come back as untyped jsonb objects (documented loss)', () => {
    const back = importSqlDdl(exportSql(orders(), { dialect: 'postgres' }), { file: 'x.sql' }).contract;
    const address = back.schema?.[0].properties?.find((p) => p.name === 'shipping_address');
    expect(address).toMatchObject({ logicalType: 'object', physicalType: 'jsonb' });
    expect(address?.properties).toBeUndefined();
  });

  it('dbt schema.yml: types, required, descriptions, keys, uniqueness, foreign keys and not_null/unique/accepted_values rules survive', async () => {
    const facets: Facet[] = ['types', 'required', 'descriptions', 'keys', 'unique', 'maxLength', 'decimals', 'relationships', 'validValues', 'rules'];
    // orders.order_id is a `uuid` column: its maxLength is implied by the type, not written (documented loss).
    for (const [contract, except] of [[await invoices(), []], [orders(), ['maxLength']]] as const) {
      const kept = facets.filter((f) => !(except as readonly string[]).includes(f));
      const back = importDbt(exportDbt(contract), { file: 'schema.yml' }).contract;
      expect(essentials(back, kept)).toEqual(essentials(contract, kept));
      expect(schemaFindings(back)).toEqual([]);
    }
  });

  it('JSON Schema: types, required, descriptions, business names, nesting, valid values, type options and examples survive', async () => {
    const facets: Facet[] = ['types', 'declaredRequired', 'descriptions', 'businessNames', 'nested', 'validValues', 'options', 'examples'];
    for (const contract of [await invoices(), orders(), yamlFixture<OdcsContract>('odcs/valid/shipments-stream.odcs.yaml')]) {
      const { contract: back, notes } = importJsonSchema(exportJsonSchema(contract), { file: 'x.schema.json' });
      // The document is named after the object (its title), not the object's physicalName.
      const strip = (e: unknown) => (e as { name: string }[]).map(({ name: _n, ...rest }) => rest);
      expect(strip(essentials(back, facets))).toEqual(strip(essentials(contract, facets)));
      expect(notes).toEqual([]);
      expect(schemaFindings(back)).toEqual([]);
    }
  });

  it('JSON Schema: primary keys, uniqueness, physical types, classification, tags and quality rules other than valid values do not survive (documented loss)', async () => {
    const contract = await invoices();
    const back = importJsonSchema(exportJsonSchema(contract), { file: 'x.schema.json' }).contract;
    const lost: Facet[] = ['keys', 'unique', 'decimals', 'rules'];
    expect(essentials(back, lost)).not.toEqual(essentials(contract, lost));
    const props = back.schema?.[0].properties ?? [];
    expect(props.some((p) => p.primaryKey || p.unique || p.physicalType || p.classification || p.tags)).toBe(false);
    expect(props.flatMap((p) => p.quality ?? []).every((q) => q.metric === 'invalidValues')).toBe(true);
    // A primary key not also marked `required: true` exports as optional (nullable) and comes back so.
    const ledger = yamlFixture<OdcsContract>('odcs/valid/ledger-warehouse.odcs.yaml');
    const entryId = ledger.schema?.[0].properties?.find((p) => p.name === 'entry_id');
    expect(entryId).toMatchObject({ primaryKey: true });
    expect(entryId?.required).not.toBe(true);
    const backEntry = importJsonSchema(exportJsonSchema(ledger, { object: 'journal_entries' }), { file: 'x.schema.json' }).contract.schema?.[0].properties?.find((p) => p.name === 'entry_id');
    expect(backEntry?.required).toBeUndefined();
  });

  it('JSON Schema: several objects export as one document and come back as one object with an array property per object (documented loss); one object at a time round-trips', () => {
    const contract = yamlFixture<OdcsContract>('odcs/valid/ledger-warehouse.odcs.yaml');
    const names = (contract.schema ?? []).map((o) => o.name);
    expect(names.length).toBe(2);
    const whole = importJsonSchema(exportJsonSchema(contract), { file: 'ledger.schema.json' }).contract;
    expect(whole.schema?.length).toBe(1);
    expect(whole.schema?.[0].properties?.map((p) => [p.name, p.logicalType, p.items?.logicalType])).toEqual(names.map((n) => [n, 'array', 'object']));
    const facets: Facet[] = ['types', 'declaredRequired', 'descriptions', 'nested', 'validValues', 'options'];
    for (const name of names) {
      const back = importJsonSchema(exportJsonSchema(contract, { object: String(name) }), { file: `${name}.schema.json` }).contract;
      const original = { ...contract, schema: contract.schema?.filter((o) => o.name === name) };
      expect(essentials(back, facets)).toEqual(essentials(original, facets));
    }
  });
});
