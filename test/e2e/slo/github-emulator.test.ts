// The local GitHub emulator itself: GitHub's shapes (checked against the official OpenAPI
// description), pagination, authentication, read-only mode and scripted faults.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startEmulator, type Emulator } from '../../github-emulator/index.js';
import { createGitHubClient } from '../../../src/github/client.js';
import { upsertStickyComment } from '../../../src/github/sticky-comment.js';

let emu: Emulator;

beforeEach(async () => {
  emu = await startEmulator({ validate: true });
});

afterEach(async () => {
  await emu.close();
});

const api = (path: string, init: RequestInit = {}, token: string | null = 't0ken') =>
  fetch(`${emu.url}${path}`, { ...init, headers: { ...(token ? { authorization: `token ${token}` } : {}), 'content-type': 'application/json', ...init.headers } });

const octokit = () => createGitHubClient({ token: 't0ken', baseUrl: emu.url, retryBaseMs: 1, rateLimitBaseMs: 1, writeIntervalMs: 0 });

describe('GitHub emulator', () => {
  it('answers every issue, comment and label operation in shapes that conform to the OpenAPI description', async () => {
    const gh = octokit();
    const created = await gh.rest.issues.create({ owner: 'o', repo: 'r', title: 'T', body: 'B', labels: ['x'], assignees: ['someone'] });
    expect(created.data).toMatchObject({ number: 1, state: 'open', html_url: 'https://github.com/o/r/issues/1', user: { login: 'mesh-bot[bot]' }, assignees: [{ login: 'someone' }] });
    await gh.rest.issues.get({ owner: 'o', repo: 'r', issue_number: 1 });
    await gh.rest.issues.update({ owner: 'o', repo: 'r', issue_number: 1, state: 'closed', state_reason: 'not_planned' });
    const comment = await gh.rest.issues.createComment({ owner: 'o', repo: 'r', issue_number: 1, body: 'hi' });
    await gh.rest.issues.updateComment({ owner: 'o', repo: 'r', comment_id: comment.data.id, body: 'hello' });
    await gh.rest.issues.getComment({ owner: 'o', repo: 'r', comment_id: comment.data.id });
    await gh.rest.issues.listComments({ owner: 'o', repo: 'r', issue_number: 1 });
    await gh.rest.issues.deleteComment({ owner: 'o', repo: 'r', comment_id: comment.data.id });
    await gh.rest.issues.createLabel({ owner: 'o', repo: 'r', name: 'slo-breach', color: 'd73a4a', description: 'd' });
    await gh.rest.issues.getLabel({ owner: 'o', repo: 'r', name: 'slo-breach' });
    await gh.rest.issues.listLabelsForRepo({ owner: 'o', repo: 'r' });
    await gh.rest.issues.addLabels({ owner: 'o', repo: 'r', issue_number: 1, labels: ['slo-breach'] });
    await gh.rest.issues.removeLabel({ owner: 'o', repo: 'r', issue_number: 1, name: 'x' });
    await gh.rest.issues.addAssignees({ owner: 'o', repo: 'r', issue_number: 1, assignees: ['other'] });
    await gh.rest.issues.listForRepo({ owner: 'o', repo: 'r', state: 'all', labels: 'slo-breach', sort: 'updated', direction: 'asc' });
    expect(emu.state.issues('o', 'r')[0]).toMatchObject({ state: 'closed', state_reason: 'not_planned', comments: 0 });
    expect(emu.violations).toEqual([]);
  });

  it('records requests that do not conform to the OpenAPI description', async () => {
    await api('/repos/o/r/issues', { method: 'POST', body: JSON.stringify({ title: 'T', labels: 'not-an-array' }) });
    await api('/repos/o/r/issues?colour=red');
    expect(emu.violations.map((v) => [v.operation, v.direction])).toEqual([
      ['POST /repos/{owner}/{repo}/issues', 'request'],
      ['GET /repos/{owner}/{repo}/issues', 'request'],
    ]);
    expect(emu.violations[1].problems).toEqual(['query parameter "colour" is not declared']);
  });

  it('paginates with Link headers (per_page, page) and Octokit follows them', async () => {
    const repo = emu.state.repo('o', 'r');
    for (let i = 0; i < 75; i++) emu.state.createIssue(repo, { title: `i${i}` });
    const first = await api('/repos/o/r/issues?per_page=30');
    const link = first.headers.get('link') ?? '';
    expect(link).toContain('rel="next"');
    expect(link).toContain(`<${emu.url}/repos/o/r/issues?per_page=30&page=3>; rel="last"`);
    expect(((await first.json()) as unknown[]).length).toBe(30);
    const all = await octokit().paginate(octokit().rest.issues.listForRepo, { owner: 'o', repo: 'r', per_page: 30 });
    expect(all).toHaveLength(75);
    expect(new Set(all.map((i) => i.number)).size).toBe(75);
  });

  it('requires a token and rejects unknown ones when tokens are configured', async () => {
    expect((await api('/repos/o/r/issues', {}, null)).status).toBe(401);
    await emu.close();
    emu = await startEmulator({ tokens: ['good'] });
    expect((await api('/repos/o/r/issues', {}, 'bad')).status).toBe(401);
    expect((await api('/repos/o/r/issues', {}, 'good')).status).toBe(200);
  });

  it('refuses writes in read-only mode, as GitHub does for fork pull requests', async () => {
    emu.state.readOnly = true;
    const res = await api('/repos/o/r/issues', { method: 'POST', body: JSON.stringify({ title: 'T' }) });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ message: 'Resource not accessible by integration' });
    expect((await api('/repos/o/r/issues')).status).toBe(200);
  });

  it('rejects assignees who are not collaborators with a 422 naming them', async () => {
    await emu.close();
    emu = await startEmulator({ validate: true, collaborators: ['alice'] });
    const res = await api('/repos/o/r/issues', { method: 'POST', body: JSON.stringify({ title: 'T', assignees: ['alice', 'ghost'] }) });
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ message: 'Validation Failed', errors: [{ value: 'ghost', field: 'assignees', code: 'invalid' }] });
  });

  it('plays scripted faults in order, each for the given number of matching requests', async () => {
    emu.faults.add({ method: 'GET', fault: { kind: 'status', status: 502 } });
    emu.faults.add({ path: '/repos/{owner}/{repo}/issues', fault: { kind: 'secondary-rate-limit', status: 429, retryAfter: 7 } });
    emu.faults.add({ path: /\/labels$/, fault: { kind: 'primary-rate-limit', resetAfter: 30 }, times: 2 });
    emu.faults.add({ fault: { kind: 'drop' } });
    expect((await api('/repos/o/r/issues')).status).toBe(502);
    const limited = await api('/repos/o/r/issues');
    expect([limited.status, limited.headers.get('retry-after')]).toEqual([429, '7']);
    expect(((await limited.json()) as { message: string }).message).toMatch(/secondary rate limit/);
    for (let i = 0; i < 2; i++) {
      const primary = await api('/repos/o/r/labels');
      expect([primary.status, primary.headers.get('x-ratelimit-remaining')]).toEqual([403, '0']);
      expect(Number(primary.headers.get('x-ratelimit-reset'))).toBeGreaterThan(Date.now() / 1000);
    }
    await expect(api('/repos/o/r/labels')).rejects.toThrow();
    expect((await api('/repos/o/r/labels')).status).toBe(200);
    expect(emu.faults.pending()).toEqual([]);
  });
});

describe('upsertStickyComment', () => {
  it('creates one comment, edits it in place, leaves it alone when unchanged and removes extra copies', async () => {
    const gh = octokit();
    emu.state.createIssue(emu.state.repo('o', 'r'), { title: 'PR' });
    const input = { owner: 'o', repo: 'r', issue_number: 1, key: 'summary' };
    expect((await upsertStickyComment(gh, { ...input, body: 'v1' })).action).toBe('created');
    expect((await upsertStickyComment(gh, { ...input, body: 'v2' })).action).toBe('updated');
    expect((await upsertStickyComment(gh, { ...input, body: 'v2' })).action).toBe('unchanged');
    emu.state.createComment(emu.state.repo('o', 'r'), emu.state.issues('o', 'r')[0], '<!-- mesh-sticky: summary -->\ncopy');
    const result = await upsertStickyComment(gh, { ...input, body: 'v3' });
    expect(result.deleted).toHaveLength(1);
    expect(emu.state.commentsOf('o', 'r', 1).map((c) => c.body)).toEqual(['<!-- mesh-sticky: summary -->\nv3']);
    expect(emu.violations).toEqual([]);
  });

  it('two concurrent upserts leave a single comment', async () => {
    emu.state.createIssue(emu.state.repo('o', 'r'), { title: 'PR' });
    const input = { owner: 'o', repo: 'r', issue_number: 1, key: 'summary', body: 'v1' };
    await Promise.all([upsertStickyComment(octokit(), input), upsertStickyComment(octokit(), input)]);
    expect(emu.state.commentsOf('o', 'r', 1)).toHaveLength(1);
  });
});
