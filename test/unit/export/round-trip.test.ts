// Export, then import the result: what the target format can carry must come back unchanged.
// Each case lists the facets that survive; docs/import-export.md lists what is lost and why.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exportAvro } from '../../../src/export/avro.js';
import { decimalOf, primaryKeyOf, propertiesOf, uniqueCombinationsOf } from '../../../src/export/contract-objects.js';
import { exportDbt } from '../../../src/export/dbt.js';
import { exportSql } from '../../../src/export/sql.js';
import { importAvro } from '../../../src/import/avro.js';
import { importDbt } from '../../../src/import/dbt.js';
import { validValuesOf, type OdcsContract, type OdcsProperty } from '../../../src/import/odcs-shapes.js';
import { importSqlDdl } from '../../../src/import/sql-ddl.js';
import { loadFile } from '../../../src/load/load-files.js';
import { FIXTURES, schemaFindings, yamlFixture } from '../import/helpers.js';

type Facet = 'types' | 'required' | 'descriptions' | 'nested' | 'validValues' | 'decimals' | 'keys' | 'unique' | 'maxLength' | 'relationships' | 'rules';

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
});
