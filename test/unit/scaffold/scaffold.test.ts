import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { conformNames, namingConventions, snakeCase } from '../../../src/import/naming.js';
import { ownersOf, parseCodeowners } from '../../../src/ownership/codeowners.js';
import { addDomainOwner } from '../../../src/scaffold/codeowners-insert.js';
import { contractSkeleton, PLACEHOLDER } from '../../../src/scaffold/contract.js';
import { readDomainInfo } from '../../../src/scaffold/domain-info.js';
import { domainDocument } from '../../../src/scaffold/domain.js';
import { productSkeleton } from '../../../src/scaffold/product.js';
import { tierOf, tierRequirement } from '../../../src/scaffold/tier-policy.js';
import { schemaModeline, yamlDocument } from '../../../src/scaffold/yaml-header.js';
import { schemaFindings } from '../import/helpers.js';

const ROOT = path.resolve(__dirname, '../../..');
const read = (rel: string) => readFileSync(path.join(ROOT, rel), 'utf8');
const yaml = (rel: string) => parse(read(rel));
const mesh = yaml('contracts/mesh.yaml');

describe('CODEOWNERS insertion', () => {
  it('puts the new domain in the sorted domain block, aligned, and keeps every other line and comment', () => {
    const before = read('test/fixtures/scaffold/CODEOWNERS.sorted');
    const edit = addDomainOwner(before, 'logistics', '@acme/logistics-data');
    expect(edit.changed).toBe(true);
    expect(edit.text.split('\n')).toEqual([
      '# Owners',
      '*                     @acme/data-platform',
      '',
      '# Domains (keep sorted)',
      '/contracts/customers/ @acme/customer-data',
      '/contracts/logistics/ @acme/logistics-data',
      '/contracts/sales/     @acme/sales-data',
      '',
      '/contracts/_shared/   @acme/data-platform',
      '',
    ]);
    expect(edit.line).toBe(6);
    expect(ownersOf(parseCodeowners(edit.text, 'CODEOWNERS'), 'contracts/logistics/x.odcs.yaml').owners).toEqual(['@acme/logistics-data']);
  });

  it('appends after the last domain rule when the block is not sorted (the example mesh)', () => {
    const edit = addDomainOwner(read('CODEOWNERS'), 'payments', '@acme/payments-data');
    const lines = edit.text.split('\n');
    expect(lines[edit.line - 2]).toMatch(/^\/contracts\/marketing\//);
    expect(lines[edit.line - 1]).toMatch(/^\/contracts\/payments\/\s+@acme\/payments-data$/);
    expect(edit.problem).toBeUndefined();
  });

  it('changes nothing when the folder already belongs to the team', () => {
    const before = read('test/fixtures/scaffold/CODEOWNERS.sorted');
    expect(addDomainOwner(before, 'sales', '@acme/sales-data')).toEqual({ text: before, changed: false, line: 6 });
  });

  it('refuses to hand an owned folder to another team', () => {
    const edit = addDomainOwner(read('test/fixtures/scaffold/CODEOWNERS.sorted'), 'sales', '@acme/other');
    expect(edit.changed).toBe(false);
    expect(edit.problem).toMatch(/already gives \/contracts\/sales\/ to @acme\/sales-data, not @acme\/other/);
  });

  it('warns when a later rule would still win (last match wins)', () => {
    const edit = addDomainOwner(read('test/fixtures/scaffold/CODEOWNERS.overridden'), 'billing', '@acme/billing-data');
    expect(edit.changed).toBe(true);
    expect(edit.problem).toMatch(/a later CODEOWNERS rule still decides/);
  });

  it('creates the first rule of an empty file', () => {
    expect(addDomainOwner('', 'sales', '@acme/sales-data').text).toBe('/contracts/sales/ @acme/sales-data\n');
  });
});

describe('contract skeleton', () => {
  const domainData = yaml('contracts/finance/domain.yaml');
  const skeleton = () => contractSkeleton({ id: 'finance-refunds', name: 'refunds', domain: readDomainInfo('finance', domainData), tier: tierRequirement(tierOf(domainData, mesh), mesh, domainData) });

  it('conforms to the official ODCS v3.1.0 schema as generated', () => {
    expect(schemaFindings(skeleton())).toEqual([]);
  });

  it("takes team and support from domain.yaml and the tier's required SLA properties from the policies", () => {
    const c = skeleton();
    expect(c.team).toEqual({ name: '@acme/finance-data' });
    expect(c.support).toEqual(domainData.support);
    expect(c.slaProperties?.map((s) => s.property)).toEqual(mesh.tiers['1'].requiredSla);
    expect(c.customProperties).toEqual([{ property: 'tier', value: 1 }]);
  });

  it('marks every SLA value as a placeholder and names the bound the domain tightened', () => {
    const availability = skeleton().slaProperties?.find((s) => s.property === 'availability');
    expect(availability).toMatchObject({ value: PLACEHOLDER, unit: '%' });
    expect(availability?.description).toMatch(/tier 1 floor: 99\.9/);
  });

  it('adds what a domain policy adds to the required SLA list', () => {
    const req = tierRequirement('2', { tiers: { '2': { requiredSla: ['latency'] } } }, { policy: { tiers: { '2': { requiredSla: ['errorRate'] } } } });
    expect(req.requiredSla).toEqual(['latency', 'errorRate']);
  });
});

describe('domain.yaml and product skeletons', () => {
  const ajv = new Ajv({ strict: false });
  addFormats(ajv);
  ajv.addSchema(JSON.parse(read('schemas/mesh-policy.schema.json')), 'mesh-policy.schema.json');
  const domainSchema = ajv.compile(JSON.parse(read('schemas/domain.schema.json')));

  it('a new domain.yaml conforms to the published domain schema', () => {
    const doc = domainDocument({ name: 'payments', team: '@acme/payments-data', tier: 2, channel: 'payments@acme.example' });
    expect(domainSchema(doc), JSON.stringify(domainSchema.errors)).toBe(true);
    expect(doc.support).toEqual([{ channel: 'payments@acme.example', tool: 'email', scope: 'interactive', url: 'mailto:payments@acme.example' }]);
  });

  it('a new data product conforms to the official ODPS v1.0.0 schema and wires ports to contract ids', () => {
    const odps = new Ajv2019({ strict: false });
    addFormats(odps);
    const validate = odps.compile(JSON.parse(read('schemas/odps.schema.json')));
    const product = productSkeleton({ id: 'marketing-churn', name: 'churn', domain: 'marketing', outputs: ['marketing-churn-scores'], inputs: ['sales-orders', 'customers-customers'] });
    expect(validate(product), JSON.stringify(validate.errors)).toBe(true);
    expect(product.inputPorts).toEqual([
      { name: 'in_1', version: '1.0.0', contractId: 'sales-orders' },
      { name: 'in_2', version: '1.0.0', contractId: 'customers-customers' },
    ]);
  });
});

describe('schema modelines', () => {
  it('point from the file to the schema relative to the repository root', () => {
    expect(schemaModeline('contract', 'contracts/sales/orders.odcs.yaml')).toBe('# yaml-language-server: $schema=../../schemas/odcs/odcs-json-schema-v3.1.0.json');
    expect(schemaModeline('domain', 'contracts/sales/domain.yaml')).toBe('# yaml-language-server: $schema=../../schemas/domain.schema.json');
    expect(yamlDocument('product', 'contracts/x/p.odps.yaml', { a: 1 }, ['hello']).split('\n').slice(0, 3)).toEqual(['# yaml-language-server: $schema=../../schemas/odps.schema.json', '# hello', 'a: 1']);
  });
});

describe('naming conventions for imported names', () => {
  it('renames what breaks the mesh conventions and keeps the source spelling as physicalName', () => {
    const naming = namingConventions(mesh);
    const { contract, renamed } = conformNames(
      { apiVersion: 'v3.1.0', kind: 'DataContract', id: 'x', version: '1', status: 'draft', name: 'Payment Events', schema: [{ name: 'PaymentEvent', properties: [{ name: 'eventId' }, { name: 'ok_name' }] }] },
      naming,
    );
    expect(contract.name).toBe('payment_events');
    expect(contract.schema?.[0]).toMatchObject({ name: 'payment_event', physicalName: 'PaymentEvent', properties: [{ name: 'event_id', physicalName: 'eventId' }, { name: 'ok_name' }] });
    expect(renamed.map((r) => r.path)).toEqual(['name', 'schema[0]', 'schema[0].properties[0]']);
  });

  it('snake_cases camelCase, acronyms, spaces and dashes', () => {
    expect(['OrderLines', 'HTTPStatus', 'order lines', 'order-lines', '2fa'].map(snakeCase)).toEqual(['order_lines', 'http_status', 'order_lines', 'order_lines', 'n_2fa']);
  });
});
