// The user stories of contracts-pr.yml, end to end: each pull request goes through the three
// bundled actions in workflow order (lint → breaking → governance, one job after the other) against
// the GitHub emulator, and the test reads what the owner and the reviewers see: exit codes (the
// checks' colours), the one sticky comment, each step's outputs and job summary.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../github-emulator/index.js';
import { edit, prRepo, runAction, type ActionRun, type PrRepo } from './harness.js';

const TOKEN = 'ghs_workflow_token';
let emulator: Emulator;
const repos: PrRepo[] = [];

beforeAll(async () => {
  emulator = await startEmulator({ validate: true, tokens: [TOKEN], viewer: 'github-actions[bot]' });
});
afterAll(async () => {
  await emulator.close();
});
afterEach(() => {
  expect(emulator.violations).toEqual([]);
  while (repos.length) repos.pop()!.cleanup();
});

const ORDERS = 'contracts/sales/orders.odcs.yaml';
const SHIPMENTS = 'contracts/logistics/shipments.odcs.yaml';
const CUSTOMER_ID = /^ {6}- id: customer_id\n[\s\S]*?(?=^ {6}- id: order_ts\n)/m;
const GIFT_WRAP = '      - id: gift_wrap\n        name: gift_wrap\n        logicalType: boolean\n        description: The buyer asked for gift wrapping.\n      - id: order_ts\n';
const PII_COLUMN = '      - id: buyer_email\n        name: buyer_email\n        logicalType: string\n        description: E-mail address the buyer gave at checkout.\n        tags: [gdpr]\n      - id: order_ts\n';
const ORDERS_CONSUMER_TEAMS = '@acme/finance-data @acme/logistics-data @acme/marketing-data';

interface Checks {
  lint: ActionRun;
  breaking: ActionRun;
  governance: ActionRun;
  /** The pull request's comments after the three jobs. */
  comments: { id: number; body: string }[];
}

/** Opens a pull request for the repository's change and runs the jobs of contracts-pr.yml in order. */
async function contractsPr(repo: PrRepo, options: { requestedTeams?: string[]; event?: 'synchronize' | 'fork' } = {}): Promise<Checks> {
  const { issue } = emulator.state.createPullRequest(emulator.state.repo('acme', 'data-mesh'), { title: 'contract change', requestedTeams: options.requestedTeams ?? ['sales-data'] });
  const common = { cwd: repo.dir, event: options.event ?? 'synchronize', pr: { number: issue.number, baseSha: repo.baseSha, headSha: repo.headSha }, apiUrl: emulator.url, token: TOKEN } as const;
  const lint = await runAction('lint', { ...common, inputs: { contracts: 'contracts' } });
  const breaking = await runAction('breaking', { ...common, inputs: { contracts: 'contracts' } });
  const governance = await runAction('governance', { ...common, inputs: { contracts: 'contracts', 'require-reviewers': 'false' } });
  return { lint, breaking, governance, comments: emulator.state.commentsOf('acme', 'data-mesh', issue.number) };
}

function track(repo: PrRepo): PrRepo {
  repos.push(repo);
  return repo;
}

/** The text of one section of the sticky comment. */
function section(body: string, id: string): string {
  const m = new RegExp(`<!-- mesh-pr-section: \\{"id":"${id}"[^]*?<!-- /mesh-pr-section -->`).exec(body);
  if (!m) throw new Error(`no ${id} section in the comment:\n${body}`);
  return m[0];
}

describe('contracts-pr: the stories of a contract pull request', () => {
  it('an owner changes a contract compatibly: every check is green and the comment says it is compatible', async () => {
    const repo = track(
      prRepo((r) => {
        edit(r, ORDERS, /^version: 2\.3\.0$/m, 'version: 2.4.0');
        edit(r, ORDERS, /^ {6}- id: order_ts\n/m, GIFT_WRAP);
      }),
    );
    const { lint, breaking, governance, comments } = await contractsPr(repo);

    expect([lint.code, breaking.code, governance.code]).toEqual([0, 0, 0]);
    expect(breaking.outputs).toMatchObject({ verdict: 'pass', 'required-bump': 'minor', 'breaking-count': '0', consumers: '' });
    expect(breaking.summary).toContain('### ✅ No breaking changes');
    expect(comments).toHaveLength(1);
    const body = comments[0].body;
    expect(body).toContain('## :white_check_mark: Contract checks pass');
    expect(section(body, 'breaking')).toContain('No breaking changes');
    expect(section(body, 'breaking')).toContain('| `sales-orders` | 2.3.0 → 2.4.0 | minor | 2.4.0 | ✅ compatible (minor bump needed) |');
    expect(body.indexOf('### :white_check_mark: Lint')).toBeLessThan(body.indexOf('### :white_check_mark: Breaking changes'));
    expect(body.indexOf('### :white_check_mark: Breaking changes')).toBeLessThan(body.indexOf('### :white_check_mark: Governance'));
  });

  it('an owner breaks a contract without a version bump: breaking is red, the comment names the consumers with their teams and suggests the version', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, CUSTOMER_ID, '')));
    const { lint, breaking, governance, comments } = await contractsPr(repo);

    expect(breaking.code).toBe(1);
    expect([lint.code, governance.code]).toEqual([0, 0]);
    expect(breaking.outputs).toMatchObject({ verdict: 'fail', failing: 'sales-orders', 'consumer-owners': ORDERS_CONSUMER_TEAMS });
    expect(JSON.parse(breaking.outputs['suggested-versions'])).toEqual({ 'sales-orders': '3.0.0' });
    expect(breaking.summary).toContain('## Breaking changes: :x: failed');
    expect(comments).toHaveLength(1);
    const body = comments[0].body;
    expect(body).toContain('## :x: Contract checks: changes needed');
    const text = section(body, 'breaking');
    expect(text).toContain('### :x: Breaking changes');
    expect(text).toContain('Suggested: **3.0.0**');
    expect(text).toContain('❌ breaking, needs a major bump: use 3.0.0');
    for (const product of ['finance-revenue-product', 'logistics-fulfilment-product', 'marketing-customer-360-product']) expect(text).toContain(product);
    expect(text).toContain(`**Consumers to notify:** ${ORDERS_CONSUMER_TEAMS}`);
    // The other jobs' sections survive the breaking job's write.
    expect(body).toContain('### :white_check_mark: Lint');
    expect(body).toContain('### :white_check_mark: Governance');
  });

  it('an owner bumps the major version: green, with a warning listing the consumers', async () => {
    const repo = track(
      prRepo((r) => {
        edit(r, ORDERS, CUSTOMER_ID, '');
        edit(r, ORDERS, /^version: 2\.3\.0$/m, 'version: 3.0.0');
      }),
    );
    const { lint, breaking, governance, comments } = await contractsPr(repo);

    expect([lint.code, breaking.code, governance.code]).toEqual([0, 0, 0]);
    expect(breaking.outputs).toMatchObject({ verdict: 'warn', 'required-bump': 'major', failing: '', 'consumer-owners': ORDERS_CONSUMER_TEAMS });
    const warning = breaking.annotations.find((a) => a.level === 'warning' && a.title === 'breaking/version-check');
    expect(warning?.message).toContain('tell its consumers: finance-revenue-product (@acme/finance-data), logistics-fulfilment-product (@acme/logistics-data), marketing-customer-360-product (@acme/marketing-data)');
    expect(comments).toHaveLength(1);
    const body = comments[0].body;
    expect(body).toContain('## :warning: Contract checks pass, with warnings');
    const text = section(body, 'breaking');
    expect(text).toContain('### :warning: Breaking changes');
    expect(text).toContain('⚠️ breaking, version bumped (2.3.0 → 3.0.0)');
    expect(text).toContain(`**Consumers to notify:** ${ORDERS_CONSUMER_TEAMS}`);
  });

  it('an owner adds a personal-data column without tags: governance is red (see also governance-action.test.ts)', async () => {
    const repo = track(
      prRepo((r) => {
        edit(r, ORDERS, /^version: 2\.3\.0$/m, 'version: 2.4.0');
        edit(r, ORDERS, /^ {6}- id: order_ts\n/m, PII_COLUMN);
      }),
    );
    const { breaking, governance, comments } = await contractsPr(repo);

    expect(governance.code).toBe(1);
    expect(governance.outputs.verdict).toBe('fail');
    expect(governance.annotations.map((a) => a.title)).toContain('policy/pii-tag-required');
    expect(breaking.code).toBe(0);
    expect(breaking.outputs).toMatchObject({ verdict: 'pass', 'breaking-count': '0' });
    expect(comments).toHaveLength(1);
    expect(comments[0].body).toContain('## :x: Contract checks: changes needed');
    expect(section(comments[0].body, 'governance')).toContain('### :x: Governance');
    expect(section(comments[0].body, 'governance')).toContain('pii');
    expect(section(comments[0].body, 'breaking')).toContain('### :white_check_mark: Breaking changes');
  });

  it('a pull request touches two domains: both teams are listed, and both contracts are compared', async () => {
    const repo = track(
      prRepo((r) => {
        edit(r, ORDERS, /^version: 2\.3\.0$/m, 'version: 3.0.0');
        edit(r, ORDERS, CUSTOMER_ID, '');
        edit(r, SHIPMENTS, /^version: 2\.1\.0$/m, 'version: 2.1.1');
        edit(r, SHIPMENTS, 'Store pick-ups\n    are not shipments.', 'Store pick-ups\n    are not shipments. Carrier scans can arrive a day late.');
      }),
    );
    const { lint, breaking, governance, comments } = await contractsPr(repo, { requestedTeams: ['sales-data'] });

    expect([lint.code, breaking.code, governance.code]).toEqual([0, 0, 0]);
    expect(breaking.outputs['changed-contracts']).toBe('2');
    expect(governance.outputs['required-approvers']).toBe('@acme/logistics-data @acme/sales-data');
    expect(comments).toHaveLength(1);
    const body = comments[0].body;
    expect(section(body, 'breaking')).toContain('`sales-orders`');
    expect(section(body, 'breaking')).toContain('`logistics-shipments`');
    const approvals = section(body, 'governance');
    expect(approvals).toContain('@acme/sales-data (review requested)');
    expect(approvals).toContain('@acme/logistics-data (**not requested**)');
  });

  it('a pull request from a fork (read-only token): every check still runs, none tries to comment, each reports through its summary', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, CUSTOMER_ID, '')));
    const before = emulator.requests.length;
    emulator.state.readOnly = true;
    try {
      const { lint, breaking, governance, comments } = await contractsPr(repo, { event: 'fork' });
      expect([lint.code, breaking.code, governance.code]).toEqual([0, 1, 0]);
      for (const run of [lint, breaking, governance]) {
        expect(run.outputs.comment).toBe('skipped');
        expect(run.summary).toContain('PR comment not written: pull request from a fork');
      }
      expect(breaking.summary).toContain('Suggested: **3.0.0**');
      expect(breaking.summary).toContain('@acme/finance-data');
      expect(comments).toEqual([]);
      expect(emulator.requests.slice(before).filter((r) => r.method !== 'GET')).toEqual([]);
    } finally {
      emulator.state.readOnly = false;
    }
  });

  it('a compatible pull request whose token turns out read-only (the API answers 403) passes with the summaries only', async () => {
    const repo = track(prRepo((r) => edit(r, ORDERS, /^version: 2\.3\.0$/m, 'version: 2.3.1')));
    emulator.state.readOnly = true;
    try {
      const { lint, breaking, governance, comments } = await contractsPr(repo);
      expect([lint.code, breaking.code, governance.code]).toEqual([0, 0, 0]);
      for (const run of [lint, breaking, governance]) {
        expect(run.outputs.comment).toBe('skipped');
        expect(run.summary).toContain('PR comment not written: read-only token (HTTP 403)');
      }
      expect(breaking.outputs.verdict).toBe('pass');
      expect(breaking.summary).toContain('## Breaking changes: :white_check_mark: passed');
      expect(comments).toEqual([]);
    } finally {
      emulator.state.readOnly = false;
    }
  });
});
