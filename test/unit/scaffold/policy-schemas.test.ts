import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import { Ajv2019 } from 'ajv/dist/2019.js';
import addFormatsModule from 'ajv-formats';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const ROOT = path.resolve(__dirname, '../../..');
const schema = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'schemas', name), 'utf8'));

function policyValidators() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  addFormats(ajv);
  ajv.addSchema(schema('mesh-policy.schema.json'), 'mesh-policy.schema.json');
  return { mesh: ajv.getSchema('mesh-policy.schema.json')!, domain: ajv.compile(schema('domain.schema.json')) };
}

function odpsValidator() {
  const ajv = new Ajv2019({ allErrors: true, strict: false });
  addFormats(ajv);
  return ajv.compile(schema('odps.schema.json'));
}

const yaml = (file: string) => parse(readFileSync(file, 'utf8'));
const contracts = path.join(ROOT, 'contracts');
const domains = readdirSync(contracts, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith('_')).map((d) => d.name);
const products = domains.flatMap((d) => readdirSync(path.join(contracts, d)).filter((f) => f.endsWith('.odps.yaml')).map((f) => path.join(contracts, d, f)));

describe('the published policy schemas accept the example mesh', () => {
  const { mesh, domain } = policyValidators();

  it('contracts/mesh.yaml conforms to schemas/mesh-policy.schema.json', () => {
    expect(mesh(yaml(path.join(contracts, 'mesh.yaml'))), JSON.stringify(mesh.errors)).toBe(true);
  });

  it.each(domains)('contracts/%s/domain.yaml conforms to schemas/domain.schema.json', (d) => {
    expect(domain(yaml(path.join(contracts, d, 'domain.yaml'))), JSON.stringify(domain.errors)).toBe(true);
  });

  it('finds the example domains to check', () => {
    expect(domains.length).toBeGreaterThanOrEqual(4);
  });
});

describe('the published ODPS schema accepts the example data products', () => {
  const validate = odpsValidator();
  it.each(products.map((p) => path.relative(ROOT, p)))('%s conforms to schemas/odps.schema.json', (file) => {
    expect(validate(yaml(path.join(ROOT, file))), JSON.stringify(validate.errors)).toBe(true);
  });
});

describe('the policy schemas reject mistakes an editor should underline', () => {
  const { mesh, domain } = policyValidators();
  const base = () => yaml(path.join(contracts, 'mesh.yaml'));

  it('rejects an unknown top-level key (a typo) in mesh.yaml', () => {
    expect(mesh({ ...base(), requiredField: ['team'] })).toBe(false);
    expect(mesh.errors?.[0]).toMatchObject({ keyword: 'additionalProperties', params: { additionalProperty: 'requiredField' } });
  });

  it('rejects a tier key that is not a number and a malformed duration', () => {
    expect(mesh({ ...base(), tiers: { gold: { requiredSla: ['latency'] } } })).toBe(false);
    expect(mesh({ ...base(), personalData: { maxRetention: 'three years' } })).toBe(false);
  });

  it('rejects an unknown rule level', () => {
    expect(mesh({ ...base(), rules: { 'naming/property': 'loud' } })).toBe(false);
  });

  it('rejects a domain whose owner is not a GitHub team and one without apiVersion', () => {
    const d = yaml(path.join(contracts, domains[0], 'domain.yaml'));
    expect(domain({ ...d, owner: 'sales people' })).toBe(false);
    const { apiVersion: _drop, ...rest } = d;
    expect(domain(rest)).toBe(false);
  });

  it('rejects an unknown key inside a domain policy', () => {
    const d = yaml(path.join(contracts, domains[0], 'domain.yaml'));
    expect(domain({ ...d, policy: { tier: { '1': {} } } })).toBe(false);
  });
});
