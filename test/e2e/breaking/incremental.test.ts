// `mesh breaking` loads only what a change affects (the changed files on both sides, the contracts
// whose `$ref`s reach a changed file, the holders of the same ids, the head's policy files and the
// products naming the changed contracts). These tests prove it gives the same report as loading both
// trees whole, on temporary git repositories, for every kind of change a pull request makes — once
// against the working tree and once against a head commit.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatBreaking } from '../../../src/breaking/format-report.js';
import { diffRefs, type RefsDiff } from '../../../src/git/diff-refs.js';

const repo = join(import.meta.dirname, '..', '..', '..');
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@e.x', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@e.x' };
const git = (dir: string, ...args: string[]) => execFileSync('git', args, { cwd: dir, encoding: 'utf8', env });
const write = (dir: string, rel: string, text: string) => {
  mkdirSync(dirname(join(dir, rel)), { recursive: true });
  writeFileSync(join(dir, rel), text);
};
const remove = (dir: string, rel: string) => rmSync(join(dir, rel));
const move = (dir: string, from: string, to: string) => {
  mkdirSync(dirname(join(dir, to)), { recursive: true });
  git(dir, 'mv', from, to);
};

function contract(id: string | undefined, version: string, properties: string[], options: { ref?: string; description?: string; type?: string } = {}): string {
  const props = properties.map((p) => `      - id: ${p}\n        name: ${p}\n        logicalType: ${options.type ?? 'string'}\n        required: true`);
  if (options.ref) props.push(`      - $ref: "${options.ref}"`);
  return `apiVersion: v3.1.0
kind: DataContract
${id ? `id: ${id}\n` : ''}version: ${version}
status: active
${options.description ? `description:\n  purpose: ${options.description}\n` : ''}schema:
  - id: main
    name: ${(id ?? 'legacy').replace(/\W/g, '_')}
    properties:
${props.join('\n')}
`;
}

function product(id: string, domain: string, ports: [string, string][]): string {
  return `apiVersion: v1.0.0
kind: DataProduct
id: ${id}
name: ${id}
status: active
domain: ${domain}
inputPorts:
${ports.map(([contractId, version]) => `  - name: ${contractId}\n    version: ${version}\n    contractId: ${contractId}`).join('\n')}
`;
}

/** The base mesh: three domains, a shared fragment referring to another, consumers in and across domains, an id-less contract, fillers. */
function baseMesh(dir: string): void {
  git(dir, 'init', '-q', '-b', 'main');
  write(dir, 'CODEOWNERS', '* @acme/platform\n/contracts/sales/ @acme/sales-data\n/contracts/finance/ @acme/finance-data\n/contracts/marketing/ @acme/marketing-data\n');
  write(dir, 'contracts/mesh.yaml', 'apiVersion: mesh/v1\nkind: MeshPolicy\nname: test\n');
  write(dir, 'contracts/sales/domain.yaml', 'apiVersion: mesh/v1\nkind: Domain\nname: sales\n');
  write(dir, 'contracts/_shared/types.yaml', 'ts:\n  logicalType: timestamp\n  required: true\n');
  write(dir, 'contracts/_shared/audit.yaml', 'created_at:\n  id: created_at\n  name: created_at\n  logicalType: timestamp\n  required: true\nupdated_at:\n  $ref: "./types.yaml#/ts"\n  id: updated_at\n  name: updated_at\n');
  write(dir, 'contracts/sales/orders.odcs.yaml', contract('sales-orders', '1.0.0', ['order_id', 'customer_id'], { ref: '../_shared/audit.yaml#/created_at' }));
  write(dir, 'contracts/sales/returns.odcs.yaml', contract('sales-returns', '1.0.0', ['return_id'], { description: 'Returns.' }));
  write(dir, 'contracts/finance/invoices.odcs.yaml', contract('finance-invoices', '2.1.0', ['invoice_id'], { ref: '../_shared/audit.yaml#/updated_at' }));
  write(dir, 'contracts/finance/ledger.odcs.yaml', contract('finance-ledger', '1.0.0', ['entry_id']));
  write(dir, 'contracts/finance/legacy.odcs.yaml', contract(undefined, '1.0.0', ['legacy_id']));
  for (let i = 0; i < 12; i++) write(dir, `contracts/marketing/filler_${i}.odcs.yaml`, contract(`marketing-filler-${i}`, '1.0.0', [`f${i}`]));
  write(dir, 'contracts/marketing/customer_360.odps.yaml', product('marketing-customer-360', 'marketing', [['sales-orders', '1.0.0'], ['finance-invoices', '2.1.0'], ['finance-ledger', '1.0.0']]));
  write(dir, 'contracts/sales/order_report.odps.yaml', product('sales-order-report', 'sales', [['sales-orders', '1.0.0']]));
  write(dir, 'contracts/finance/unrelated.odps.yaml', product('finance-unrelated', 'finance', [['marketing-filler-1', '1.0.0']]));
  git(dir, 'add', '.');
  git(dir, 'commit', '-q', '-m', 'base mesh');
}

interface Scenario {
  name: string;
  change(dir: string): void;
  /** What the report must show, so an empty report cannot pass. */
  expect(json: Record<string, any>): void;
}

const ids = (json: Record<string, any>) => json.contracts.map((c: { contractId: string }) => c.contractId).sort();
const rules = (json: Record<string, any>, id: string) => json.contracts.find((c: { contractId: string }) => c.contractId === id)?.changes.map((x: { rule: string }) => x.rule) ?? [];

const SCENARIOS: Scenario[] = [
  {
    name: 'edit: a property removed without a major bump',
    change: (d) => write(d, 'contracts/sales/orders.odcs.yaml', contract('sales-orders', '1.1.0', ['order_id'], { ref: '../_shared/audit.yaml#/created_at' })),
    expect: (j) => {
      expect(ids(j)).toEqual(['sales-orders']);
      expect(j.failing).toBe(true);
    },
  },
  {
    name: 'rename/move with an edit',
    change: (d) => {
      move(d, 'contracts/sales/returns.odcs.yaml', 'contracts/sales/archive/returns.odcs.yaml');
      write(d, 'contracts/sales/archive/returns.odcs.yaml', contract('sales-returns', '1.0.1', ['return_id'], { description: 'Every return.' }));
    },
    expect: (j) => {
      const c = j.contracts.find((x: { contractId: string }) => x.contractId === 'sales-returns');
      expect([c.oldFile, c.newFile]).toEqual(['contracts/sales/returns.odcs.yaml', 'contracts/sales/archive/returns.odcs.yaml']);
    },
  },
  {
    name: 'delete a contract another domain consumes',
    change: (d) => remove(d, 'contracts/finance/invoices.odcs.yaml'),
    expect: (j) => expect(rules(j, 'finance-invoices')).toContain('breaking/contract-removed-while-consumed'),
  },
  {
    name: 'add a contract',
    change: (d) => write(d, 'contracts/sales/refunds.odcs.yaml', contract('sales-refunds', '0.1.0', ['refund_id'])),
    expect: (j) => expect(j.contracts[0].lifecycle).toBe('added'),
  },
  {
    name: 'a shared fragment changes: every contract referring to it changes',
    change: (d) => write(d, 'contracts/_shared/audit.yaml', 'created_at:\n  id: created_at\n  name: created_at\n  logicalType: string\n  required: true\nupdated_at:\n  $ref: "./types.yaml#/ts"\n  id: updated_at\n  name: updated_at\n'),
    expect: (j) => {
      expect(ids(j)).toEqual(['sales-orders']);
      expect(rules(j, 'sales-orders')).toContain('breaking/logical-type-changed');
    },
  },
  {
    name: 'a fragment two references away changes',
    change: (d) => write(d, 'contracts/_shared/types.yaml', 'ts:\n  logicalType: timestamp\n'),
    expect: (j) => {
      expect(ids(j)).toEqual(['finance-invoices']);
      expect(rules(j, 'finance-invoices')).toContain('breaking/required-removed');
    },
  },
  {
    name: 'a shared fragment is deleted',
    change: (d) => remove(d, 'contracts/_shared/types.yaml'),
    expect: (j) => expect(j.problems.length).toBeGreaterThan(0),
  },
  {
    name: 'a product changes along with a contract it reads',
    change: (d) => {
      write(d, 'contracts/marketing/customer_360.odps.yaml', product('marketing-customer-360', 'marketing', [['sales-orders', '1.1.0'], ['finance-ledger', '1.0.0']]));
      write(d, 'contracts/sales/orders.odcs.yaml', contract('sales-orders', '1.0.0', ['order_id'], { ref: '../_shared/audit.yaml#/created_at' }));
    },
    expect: (j) => {
      const c = j.contracts.find((x: { contractId: string }) => x.contractId === 'sales-orders');
      expect(c.consumers.map((x: { product: string; version: string }) => `${x.product}@${x.version}`).sort()).toEqual(['marketing-customer-360@1.1.0', 'sales-order-report@1.0.0']);
    },
  },
  {
    name: 'a contract id changes',
    change: (d) => write(d, 'contracts/finance/ledger.odcs.yaml', contract('finance-gl', '1.0.0', ['entry_id'])),
    expect: (j) => expect(ids(j)).toEqual(['finance-gl', 'finance-ledger']),
  },
  {
    name: 'an id moves to another file (deleted here, rewritten elsewhere)',
    change: (d) => {
      remove(d, 'contracts/finance/ledger.odcs.yaml');
      write(d, 'contracts/sales/general_ledger.odcs.yaml', contract('finance-ledger', '2.0.0', ['gl_entry', 'amount', 'currency', 'booked_at'], { description: 'Moved to sales.' }));
    },
    expect: (j) => {
      const c = j.contracts.find((x: { contractId: string }) => x.contractId === 'finance-ledger');
      expect([c.oldFile, c.newFile]).toEqual(['contracts/finance/ledger.odcs.yaml', 'contracts/sales/general_ledger.odcs.yaml']);
    },
  },
  {
    name: 'a new file takes the id of an unchanged contract',
    change: (d) => write(d, 'contracts/finance/aaa_copy.odcs.yaml', contract('finance-ledger', '1.0.0', ['entry_id', 'extra'])),
    expect: (j) => expect(j.contracts.length).toBeGreaterThan(0),
  },
  {
    name: 'a contract without an id is moved and edited',
    change: (d) => {
      move(d, 'contracts/finance/legacy.odcs.yaml', 'contracts/finance/old/legacy.odcs.yaml');
      write(d, 'contracts/finance/old/legacy.odcs.yaml', contract(undefined, '1.0.0', ['legacy_id', 'note']));
    },
    expect: (j) => expect(j.contracts[0].oldFile).toBe('contracts/finance/legacy.odcs.yaml'),
  },
  {
    name: 'broken YAML in a changed contract',
    change: (d) => write(d, 'contracts/sales/returns.odcs.yaml', 'apiVersion: v3.1.0\nkind: DataContract\nid: sales-returns\nschema: [\n'),
    expect: (j) => {
      expect(rules(j, 'sales-returns')).toEqual(['breaking/contract-unreadable']);
      expect(j.failing).toBe(true);
      // Located at the loader's error, in the head file.
      const change = j.contracts.find((c: { contractId: string }) => c.contractId === 'sales-returns').changes[0];
      expect([change.file, change.line > 1]).toEqual(['contracts/sales/returns.odcs.yaml', true]);
    },
  },
  {
    name: 'policy files change with a contract (mesh.yaml override, domain.yaml)',
    change: (d) => {
      write(d, 'contracts/mesh.yaml', 'apiVersion: mesh/v1\nkind: MeshPolicy\nname: test\nbreaking:\n  rules:\n    breaking/property-removed: dangerous\n');
      write(d, 'contracts/sales/domain.yaml', 'apiVersion: mesh/v1\nkind: Domain\nname: sales\ndescription: Sales.\n');
      write(d, 'contracts/sales/orders.odcs.yaml', contract('sales-orders', '1.1.0', ['order_id'], { ref: '../_shared/audit.yaml#/created_at' }));
    },
    expect: (j) => expect(j.contracts[0].changes[0].severity).toBe('dangerous'),
  },
  {
    name: 'nothing changes',
    change: () => {},
    expect: (j) => {
      expect(j.contracts).toEqual([]);
      expect(j.unchanged).toBe(17);
    },
  },
  {
    name: 'everything at once',
    change: (d) => {
      write(d, 'contracts/_shared/types.yaml', 'ts:\n  logicalType: date\n  required: true\n');
      write(d, 'contracts/sales/returns.odcs.yaml', 'id: [unclosed\n');
      write(d, 'contracts/finance/ledger.odcs.yaml', contract('finance-gl', '1.0.0', ['entry_id']));
      write(d, 'contracts/marketing/filler_3.odcs.yaml', contract('marketing-filler-3', '1.0.1', ['f3'], { description: 'Now documented.' }));
      remove(d, 'contracts/marketing/filler_4.odcs.yaml');
      write(d, 'contracts/marketing/new.odcs.yaml', contract('marketing-new', '1.0.0', ['n']));
    },
    expect: (j) => expect(ids(j)).toEqual(['finance-gl', 'finance-invoices', 'finance-ledger', 'marketing-filler-3', 'marketing-filler-4', 'marketing-new', 'sales-returns']),
  },
];

async function report(dir: string, base: string, headSha: string | undefined, full: boolean): Promise<{ json: string; loaded: number }> {
  const refs: RefsDiff = await diffRefs(dir, {
    contractsRel: 'contracts',
    base: { ref: 'main', sha: base, how: 'test' },
    ...(headSha ? { headSha } : {}),
    headRef: headSha ? 'HEAD' : 'working tree',
    today: '2026-11-28',
    check: true,
    full,
  });
  try {
    return { json: formatBreaking(refs.run, 'json', { locate: refs.locate }), loaded: refs.loadedFiles };
  } finally {
    await refs.cleanup();
  }
}

describe('mesh breaking: incremental and full runs give identical reports', () => {
  for (const scenario of SCENARIOS) {
    it(`${scenario.name} — against the working tree and against a head commit`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mesh-incremental-'));
      dirs.push(dir);
      baseMesh(dir);
      const base = git(dir, 'rev-parse', 'HEAD').trim();
      git(dir, 'checkout', '-q', '-b', 'change');
      scenario.change(dir);

      const full = await report(dir, base, undefined, true);
      const incremental = await report(dir, base, undefined, false);
      expect(incremental.json).toBe(full.json);
      scenario.expect(JSON.parse(full.json));
      expect(incremental.loaded).toBeLessThan(full.loaded);

      git(dir, 'add', '-A');
      git(dir, 'commit', '-q', '--allow-empty', '-m', scenario.name);
      const head = git(dir, 'rev-parse', 'HEAD').trim();
      const fullCommit = await report(dir, base, head, true);
      const incrementalCommit = await report(dir, base, head, false);
      expect(incrementalCommit.json).toBe(fullCommit.json);
      scenario.expect(JSON.parse(fullCommit.json));
    });
  }

  it('the CLI runs the incremental path by default and the whole trees with --full', () => {
    const dir = mkdtempSync(join(tmpdir(), 'mesh-incremental-cli-'));
    dirs.push(dir);
    baseMesh(dir);
    write(dir, 'contracts/sales/orders.odcs.yaml', contract('sales-orders', '2.0.0', ['order_id'], { ref: '../_shared/audit.yaml#/created_at' }));
    const run = (...extra: string[]) => spawnSync(process.execPath, [join(repo, 'bin', 'mesh.js'), 'breaking', '--base', 'main', '--format', 'json', '--stats', ...extra], { cwd: dir, encoding: 'utf8' });
    const incremental = run();
    const full = run('--full');
    expect(incremental.status).toBe(0);
    expect(full.status).toBe(0);
    expect(incremental.stdout).toBe(full.stdout);
    expect(incremental.stderr).toMatch(/incremental, \d+ files loaded/);
    expect(full.stderr).toMatch(/full, \d+ files loaded/);
  });
});
