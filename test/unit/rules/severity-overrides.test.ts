// Rule levels: mesh.yaml `rules:` changes them for the whole mesh, domain.yaml may only raise them.
import { describe, expect, it } from 'vitest';
import { EXAMPLE_CONTRACT_PATH, EXAMPLE_MESH, exampleContract } from '../../../src/rules/example-mesh.js';
import { lintFiles } from './lint-files.js';

const CAMEL = exampleContract(`schema:
  - name: orders
    properties:
      - { name: orderId, logicalType: string, primaryKey: true }
`);

const meshWith = (rules: string) => EXAMPLE_MESH['contracts/mesh.yaml'] + rules;
const domainWith = (policy: string) => EXAMPLE_MESH['contracts/sales/domain.yaml'] + policy;
const levels = (findings: { rule: string; severity: string }[]) => findings.map((f) => `${f.rule}=${f.severity}`).sort();

describe('rule levels', () => {
  it('uses default severities without overrides', async () => {
    const { findings } = await lintFiles({ ...EXAMPLE_MESH, [EXAMPLE_CONTRACT_PATH]: CAMEL });
    expect(levels(findings)).toEqual(['naming/property-name=warning', 'schema/primary-key-required=error']);
  });

  it('applies mesh.yaml overrides, including off', async () => {
    const { findings } = await lintFiles({
      ...EXAMPLE_MESH,
      'contracts/mesh.yaml': meshWith('rules:\n  naming/property-name: error\n  schema/primary-key-required: off\n'),
      [EXAMPLE_CONTRACT_PATH]: CAMEL,
    });
    expect(levels(findings)).toEqual(['naming/property-name=error']);
  });

  it('lets domain.yaml raise a level for its own contracts only', async () => {
    const other = CAMEL.replace(/sales-orders/, 'finance-ledger').replace('domain: sales', 'domain: finance').replace('@acme/sales-data', '@acme/finance-data');
    const { findings } = await lintFiles({
      ...EXAMPLE_MESH,
      'contracts/sales/domain.yaml': domainWith('policy:\n  rules:\n    naming/property-name: error\n'),
      [EXAMPLE_CONTRACT_PATH]: CAMEL,
      'contracts/finance/domain.yaml': EXAMPLE_MESH['contracts/sales/domain.yaml'].replace('name: sales', 'name: finance').replace('@acme/sales-data', '@acme/finance-data'),
      'contracts/finance/ledger.odcs.yaml': other,
      CODEOWNERS: EXAMPLE_MESH.CODEOWNERS + '/contracts/finance/ @acme/finance-data\n',
    });
    const naming = findings.filter((f) => f.rule === 'naming/property-name').map((f) => `${f.file}=${f.severity}`);
    expect(naming).toEqual(['contracts/finance/ledger.odcs.yaml=warning', 'contracts/sales/orders.odcs.yaml=error']);
  });

  it('ignores a domain.yaml that turns a rule off, and reports the attempt', async () => {
    const { findings } = await lintFiles({
      ...EXAMPLE_MESH,
      'contracts/sales/domain.yaml': domainWith('policy:\n  rules:\n    schema/primary-key-required: off\n'),
      [EXAMPLE_CONTRACT_PATH]: CAMEL,
    });
    expect(levels(findings)).toEqual(['naming/property-name=warning', 'policy/domain-no-loosening=error', 'schema/primary-key-required=error']);
    const loosening = findings.find((f) => f.rule === 'policy/domain-no-loosening')!;
    expect(loosening).toMatchObject({ file: 'contracts/sales/domain.yaml', line: 12, column: 5 });
  });

  it('can change the level of the ODCS schema check', async () => {
    const broken = exampleContract('schema:\n  - name: orders\n    properties:\n      - { name: order_id, logicalType: strng, primaryKey: true, required: true }\n');
    const before = await lintFiles({ ...EXAMPLE_MESH, [EXAMPLE_CONTRACT_PATH]: broken });
    expect(levels(before.findings)).toEqual(['odcs/schema=error']);
    const after = await lintFiles({ ...EXAMPLE_MESH, 'contracts/mesh.yaml': meshWith('rules:\n  odcs/schema: warning\n'), [EXAMPLE_CONTRACT_PATH]: broken });
    expect(levels(after.findings)).toEqual(['odcs/schema=warning']);
  });

  it('runs only the selected rules', async () => {
    const { findings } = await lintFiles({ ...EXAMPLE_MESH, [EXAMPLE_CONTRACT_PATH]: CAMEL }, { rules: ['naming/property-name'] });
    expect(levels(findings)).toEqual(['naming/property-name=warning']);
  });
});
