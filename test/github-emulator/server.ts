// A local GitHub REST API for tests: node:http on 127.0.0.1, in-memory state, GitHub's request
// and response shapes, Link-header pagination, token check, a read-only mode and scripted faults.
// With `validate: true` every request and response is checked against GitHub's OpenAPI
// description and problems are recorded in `violations` (tests assert there are none).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { EmulatorState, type Issue, type IssueComment, type Label, type Repo } from './state.js';
import { checkRequest, checkResponse } from './openapi.js';

export type Fault =
  | { kind: 'status'; status: 500 | 502 | 503 | 504 }
  /** 403 (or 429) "You have exceeded a secondary rate limit" with retry-after seconds. */
  | { kind: 'secondary-rate-limit'; status?: 403 | 429; retryAfter?: number }
  /** 403 (or 429) with x-ratelimit-remaining: 0 and x-ratelimit-reset `resetAfter` seconds from now. */
  | { kind: 'primary-rate-limit'; status?: 403 | 429; resetAfter?: number }
  /** Answer normally, after a delay. */
  | { kind: 'slow'; delayMs: number }
  /** Destroy the connection before handling the request (nothing changes). */
  | { kind: 'drop' }
  /** Handle the request (state changes!) and destroy the connection instead of answering. */
  | { kind: 'drop-after-handling' };

export interface FaultRule {
  fault: Fault;
  /** HTTP method to match (any when absent). */
  method?: string;
  /** OpenAPI path template (`/repos/{owner}/{repo}/issues`) or a RegExp on the request path. */
  path?: string | RegExp;
  /** How many matching requests it affects (default 1). */
  times?: number;
}

export interface Faults {
  add(rule: FaultRule): void;
  /** Rules with requests left to affect. */
  pending(): FaultRule[];
  clear(): void;
}

export interface RecordedRequest {
  method: string;
  /** Path and query as requested. */
  url: string;
  /** OpenAPI template, when the route is known. */
  operation?: string;
  status: number;
  body?: unknown;
  fault?: Fault['kind'];
}

export interface Violation {
  operation: string;
  direction: 'request' | 'response';
  status?: number;
  problems: string[];
}

export interface EmulatorOptions {
  /** Check requests and responses against GitHub's OpenAPI description (records `violations`). */
  validate?: boolean;
  /** Accepted tokens; any non-empty token when absent. */
  tokens?: string[];
  /** Login of the authenticated user (author of issues and comments). */
  viewer?: string;
  /** Logins that can be assigned; anybody when absent (others get 422 on create). */
  collaborators?: string[];
  readOnly?: boolean;
  /** Clock for timestamps (default: real time). */
  now?: () => Date;
}

export interface Emulator {
  /** Base URL to use as the API URL (`GITHUB_API_URL`). */
  url: string;
  state: EmulatorState;
  faults: Faults;
  requests: RecordedRequest[];
  violations: Violation[];
  close(): Promise<void>;
}

interface Route {
  method: string;
  template: string;
  pattern: RegExp;
  handle(ctx: RequestContext): Reply | Promise<Reply>;
}

interface RequestContext {
  params: Record<string, string>;
  query: URLSearchParams;
  body: unknown;
  url: URL;
  repo: Repo;
}

interface Reply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const DOCS = 'https://docs.github.com/rest';

function template(t: string): RegExp {
  return new RegExp(`^${t.replace(/\{[^}]+\}/g, '([^/]+)')}$`);
}

function notFound(): Reply {
  return { status: 404, body: { message: 'Not Found', documentation_url: DOCS, status: '404' } };
}

function validationFailed(errors: Record<string, unknown>[], message = 'Validation Failed'): Reply {
  return { status: 422, body: { message, errors, documentation_url: `${DOCS}/issues/issues#create-an-issue`, status: '422' } };
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  let baseUrl = '';
  const state = new EmulatorState(() => baseUrl, 'https://github.com', options.viewer ?? 'mesh-bot[bot]', options.collaborators, options.now ?? (() => new Date()));
  state.readOnly = options.readOnly ?? false;
  const rules: { rule: FaultRule; left: number }[] = [];
  const faults: Faults = {
    add: (rule) => void rules.push({ rule, left: rule.times ?? 1 }),
    pending: () => rules.filter((r) => r.left > 0).map((r) => r.rule),
    clear: () => void rules.splice(0),
  };
  const requests: RecordedRequest[] = [];
  const violations: Violation[] = [];
  const routes = buildRoutes(state);

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      void serve(req, res, Buffer.concat(chunks).toString('utf8')).catch((err: unknown) => {
        if (!res.headersSent) send(res, { status: 500, body: { message: `emulator error: ${(err as Error).message}` } });
      });
    });
  });

  function takeFault(method: string, path: string, tpl?: string): Fault | undefined {
    for (const r of rules) {
      if (r.left <= 0) continue;
      if (r.rule.method && r.rule.method.toUpperCase() !== method) continue;
      if (r.rule.path !== undefined) {
        const ok = typeof r.rule.path === 'string' ? r.rule.path === tpl || r.rule.path === path : r.rule.path.test(path);
        if (!ok) continue;
      }
      r.left--;
      return r.rule.fault;
    }
    return undefined;
  }

  async function serve(req: http.IncomingMessage, res: http.ServerResponse, text: string): Promise<void> {
    const method = (req.method ?? 'GET').toUpperCase();
    const url = new URL(req.url ?? '/', baseUrl);
    const route = routes.find((r) => r.method === method && r.pattern.test(url.pathname));
    const record: RecordedRequest = { method, url: `${url.pathname}${url.search}`, ...(route ? { operation: route.template } : {}), status: 0 };
    requests.push(record);
    let body: unknown;
    if (text !== '') {
      try {
        body = JSON.parse(text);
        record.body = body;
      } catch {
        record.status = 400;
        return send(res, { status: 400, body: { message: 'Problems parsing JSON', documentation_url: DOCS, status: '400' } });
      }
    }
    if (options.validate && route) {
      const problems = checkRequest(method, route.template, url.searchParams, body);
      if (problems.length > 0) violations.push({ operation: `${method} ${route.template}`, direction: 'request', problems });
    } else if (options.validate && !route) {
      violations.push({ operation: `${method} ${url.pathname}`, direction: 'request', problems: ['no emulated route for this request'] });
    }

    const fault = takeFault(method, url.pathname, route?.template);
    if (fault) record.fault = fault.kind;
    if (fault?.kind === 'drop') {
      record.status = -1;
      req.socket.destroy();
      return;
    }
    if (fault?.kind === 'slow') await new Promise((r) => setTimeout(r, fault.delayMs));
    const injected = fault ? faultReply(fault) : undefined;
    if (injected) {
      record.status = injected.status;
      return send(res, injected);
    }

    const auth = req.headers.authorization ?? '';
    const token = /^(?:token|bearer)\s+(\S+)$/i.exec(auth)?.[1];
    if (!token || (options.tokens && !options.tokens.includes(token))) {
      record.status = 401;
      return send(res, { status: 401, body: { message: token ? 'Bad credentials' : 'Requires authentication', documentation_url: DOCS, status: '401' } });
    }
    if (!route) {
      record.status = 404;
      return send(res, notFound());
    }
    if (state.readOnly && method !== 'GET' && method !== 'HEAD') {
      record.status = 403;
      return send(res, { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: DOCS, status: '403' } });
    }
    const values = route.pattern.exec(url.pathname)!.slice(1).map(decodeURIComponent);
    const names = [...route.template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
    const params = Object.fromEntries(names.map((n, i) => [n, values[i]]));
    const repo = state.repo(params.owner ?? '-', params.repo ?? '-');
    const reply = await route.handle({ params, query: url.searchParams, body, url, repo });
    record.status = reply.status;
    if (options.validate) {
      const problems = checkResponse(method, route.template, reply.status, reply.body);
      if (problems.length > 0) violations.push({ operation: `${method} ${route.template}`, direction: 'response', status: reply.status, problems });
    }
    if (fault?.kind === 'drop-after-handling') {
      record.status = -1;
      req.socket.destroy();
      return;
    }
    send(res, reply);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: baseUrl,
    state,
    faults,
    requests,
    violations,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function faultReply(fault: Fault): Reply | undefined {
  const now = Math.floor(Date.now() / 1000);
  switch (fault.kind) {
    case 'status':
      return { status: fault.status, body: fault.status === 502 ? undefined : { message: 'Server Error', documentation_url: DOCS } };
    case 'secondary-rate-limit':
      return {
        status: fault.status ?? 403,
        headers: { 'retry-after': String(fault.retryAfter ?? 1) },
        body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.', documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits`, status: String(fault.status ?? 403) },
      };
    case 'primary-rate-limit':
      return {
        status: fault.status ?? 403,
        headers: { 'x-ratelimit-limit': '5000', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '5000', 'x-ratelimit-reset': String(now + (fault.resetAfter ?? 1)), 'x-ratelimit-resource': 'core' },
        body: { message: 'API rate limit exceeded for installation. If you reach out to GitHub Support for help, please include the request ID.', documentation_url: `${DOCS}/overview/rate-limits-for-the-rest-api`, status: String(fault.status ?? 403) },
      };
    default:
      return undefined;
  }
}

function send(res: http.ServerResponse, reply: Reply): void {
  const headers: Record<string, string> = {
    'x-ratelimit-limit': '5000',
    'x-ratelimit-remaining': '4999',
    'x-ratelimit-used': '1',
    'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) + 3600),
    'x-ratelimit-resource': 'core',
    'x-github-api-version-selected': '2022-11-28',
    'x-github-request-id': `EMU:${Math.random().toString(16).slice(2, 10)}`,
    ...reply.headers,
  };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers);
    res.end();
    return;
  }
  const text = JSON.stringify(reply.body);
  res.writeHead(reply.status, { ...headers, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)) });
  res.end(text);
}

/** One page of `items` with GitHub's Link header (per_page default 30, max 100). */
function page<T>(items: T[], url: URL): Reply {
  const perPage = Math.min(Math.max(Number(url.searchParams.get('per_page') ?? 30) || 30, 1), 100);
  const current = Math.max(Number(url.searchParams.get('page') ?? 1) || 1, 1);
  const last = Math.max(Math.ceil(items.length / perPage), 1);
  const link = (n: number) => {
    const u = new URL(url.toString());
    u.searchParams.set('per_page', String(perPage));
    u.searchParams.set('page', String(n));
    return u.toString();
  };
  const links: string[] = [];
  if (current > 1) links.push(`<${link(current - 1)}>; rel="prev"`, `<${link(1)}>; rel="first"`);
  if (current < last) links.push(`<${link(current + 1)}>; rel="next"`, `<${link(last)}>; rel="last"`);
  return { status: 200, body: items.slice((current - 1) * perPage, current * perPage), ...(links.length > 0 ? { headers: { link: links.join(', ') } } : {}) };
}

function publicComment(c: IssueComment): Omit<IssueComment, 'issueNumber'> {
  const { issueNumber: _omit, ...rest } = c;
  return rest;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function labelNames(v: unknown): string[] | undefined {
  if (!Array.isArray(v)) return undefined;
  return v.map((l) => (typeof l === 'string' ? l : isRecord(l) && typeof l.name === 'string' ? l.name : String(l)));
}

function buildRoutes(state: EmulatorState): Route[] {
  const routes: Route[] = [];
  const on = (method: string, tpl: string, handle: Route['handle']) => routes.push({ method, template: tpl, pattern: template(tpl), handle });
  const findIssue = (repo: Repo, n: string): Issue | undefined => repo.issues.find((i) => String(i.number) === n);
  const touch = (issue: Issue) => void (issue.updated_at = state.timestamp());

  on('GET', '/repos/{owner}/{repo}/issues', ({ repo, query, url }) => {
    const wanted = query.get('state') ?? 'open';
    const labels = (query.get('labels') ?? '').split(',').map((l) => l.trim().toLowerCase()).filter(Boolean);
    const since = query.get('since');
    const creator = query.get('creator');
    const assignee = query.get('assignee');
    let items = repo.issues.filter(
      (i) =>
        (wanted === 'all' || i.state === wanted) &&
        labels.every((l) => i.labels.some((x) => x.name.toLowerCase() === l)) &&
        (!since || i.updated_at >= since) &&
        (!creator || i.user.login.toLowerCase() === creator.toLowerCase()) &&
        (!assignee || (assignee === 'none' ? i.assignees.length === 0 : assignee === '*' ? i.assignees.length > 0 : i.assignees.some((a) => a.login.toLowerCase() === assignee.toLowerCase()))),
    );
    const sort = query.get('sort') ?? 'created';
    const dir = query.get('direction') ?? 'desc';
    const key = (i: Issue) => (sort === 'updated' ? i.updated_at : sort === 'comments' ? String(i.comments).padStart(9, '0') : i.created_at) + String(i.number).padStart(9, '0');
    items = [...items].sort((a, b) => (key(a) < key(b) ? -1 : 1) * (dir === 'asc' ? 1 : -1));
    return page(items, url);
  });

  on('POST', '/repos/{owner}/{repo}/issues', ({ repo, body }) => {
    if (!isRecord(body) || (typeof body.title !== 'string' && typeof body.title !== 'number') || String(body.title).trim() === '') {
      return validationFailed([{ resource: 'Issue', code: 'missing_field', field: 'title' }]);
    }
    const assignees = [...((body.assignees as string[] | undefined) ?? []), ...(typeof body.assignee === 'string' ? [body.assignee] : [])];
    const invalid = assignees.filter((a) => !state.isAssignable(a));
    if (invalid.length > 0) return validationFailed(invalid.map((value) => ({ value, resource: 'Issue', field: 'assignees', code: 'invalid' })));
    const issue = state.createIssue(repo, { title: String(body.title), body: (body.body as string | undefined) ?? null, labels: labelNames(body.labels), assignees: [...new Set(assignees)] });
    return { status: 201, body: issue, headers: { location: issue.url } };
  });

  on('GET', '/repos/{owner}/{repo}/issues/{issue_number}', ({ repo, params }) => {
    const issue = findIssue(repo, params.issue_number);
    return issue ? { status: 200, body: issue } : notFound();
  });

  on('PATCH', '/repos/{owner}/{repo}/issues/{issue_number}', ({ repo, params, body }) => {
    const issue = findIssue(repo, params.issue_number);
    if (!issue) return notFound();
    if (!isRecord(body)) return validationFailed([{ resource: 'Issue', code: 'invalid', field: 'body' }]);
    if (Array.isArray(body.assignees)) {
      const invalid = (body.assignees as string[]).filter((a) => !state.isAssignable(a));
      if (invalid.length > 0) return validationFailed(invalid.map((value) => ({ value, resource: 'Issue', field: 'assignees', code: 'invalid' })));
      issue.assignees = (body.assignees as string[]).map((l) => state.user(l));
      issue.assignee = issue.assignees[0] ?? null;
    }
    if (typeof body.title === 'string') issue.title = body.title;
    if (typeof body.body === 'string' || body.body === null) issue.body = body.body as string | null;
    const names = labelNames(body.labels);
    if (names) issue.labels = names.map((n) => state.ensureLabel(repo, n));
    if (body.state === 'closed' && issue.state === 'open') {
      issue.state = 'closed';
      issue.closed_at = state.timestamp();
      issue.closed_by = state.user(state.viewer);
      issue.state_reason = (body.state_reason as Issue['state_reason']) ?? 'completed';
    } else if (body.state === 'open' && issue.state === 'closed') {
      issue.state = 'open';
      issue.closed_at = null;
      issue.closed_by = null;
      issue.state_reason = 'reopened';
    }
    touch(issue);
    return { status: 200, body: issue };
  });

  on('GET', '/repos/{owner}/{repo}/issues/{issue_number}/comments', ({ repo, params, url, query }) => {
    const issue = findIssue(repo, params.issue_number);
    if (!issue) return notFound();
    const since = query.get('since');
    return page(repo.comments.filter((c) => c.issueNumber === issue.number && (!since || c.updated_at >= since)).map(publicComment), url);
  });

  on('POST', '/repos/{owner}/{repo}/issues/{issue_number}/comments', ({ repo, params, body }) => {
    const issue = findIssue(repo, params.issue_number);
    if (!issue) return notFound();
    if (!isRecord(body) || typeof body.body !== 'string' || body.body === '') return validationFailed([{ resource: 'IssueComment', code: 'missing_field', field: 'body' }]);
    const comment = state.createComment(repo, issue, body.body);
    return { status: 201, body: publicComment(comment), headers: { location: comment.url } };
  });

  on('GET', '/repos/{owner}/{repo}/issues/comments/{comment_id}', ({ repo, params }) => {
    const c = repo.comments.find((x) => String(x.id) === params.comment_id);
    return c ? { status: 200, body: publicComment(c) } : notFound();
  });

  on('PATCH', '/repos/{owner}/{repo}/issues/comments/{comment_id}', ({ repo, params, body }) => {
    const c = repo.comments.find((x) => String(x.id) === params.comment_id);
    if (!c) return notFound();
    if (!isRecord(body) || typeof body.body !== 'string') return validationFailed([{ resource: 'IssueComment', code: 'missing_field', field: 'body' }]);
    c.body = body.body;
    c.updated_at = state.timestamp();
    return { status: 200, body: publicComment(c) };
  });

  on('DELETE', '/repos/{owner}/{repo}/issues/comments/{comment_id}', ({ repo, params }) => {
    const index = repo.comments.findIndex((x) => String(x.id) === params.comment_id);
    if (index < 0) return notFound();
    const [c] = repo.comments.splice(index, 1);
    const issue = repo.issues.find((i) => i.number === c.issueNumber);
    if (issue) issue.comments--;
    return { status: 204 };
  });

  on('GET', '/repos/{owner}/{repo}/labels', ({ repo, url }) => page(repo.labels, url));

  on('POST', '/repos/{owner}/{repo}/labels', ({ repo, body }) => {
    if (!isRecord(body) || typeof body.name !== 'string' || body.name === '') return validationFailed([{ resource: 'Label', code: 'missing_field', field: 'name' }]);
    if (repo.labels.some((l) => l.name.toLowerCase() === (body.name as string).toLowerCase())) {
      return validationFailed([{ resource: 'Label', code: 'already_exists', field: 'name' }]);
    }
    const color = typeof body.color === 'string' ? body.color.replace(/^#/, '') : 'ededed';
    const label = state.makeLabel(repo, body.name, color, typeof body.description === 'string' ? body.description : null);
    repo.labels.push(label);
    return { status: 201, body: label, headers: { location: label.url } };
  });

  on('GET', '/repos/{owner}/{repo}/labels/{name}', ({ repo, params }) => {
    const label = repo.labels.find((l) => l.name.toLowerCase() === params.name.toLowerCase());
    return label ? { status: 200, body: label } : notFound();
  });

  on('POST', '/repos/{owner}/{repo}/issues/{issue_number}/labels', ({ repo, params, body }) => {
    const issue = findIssue(repo, params.issue_number);
    if (!issue) return notFound();
    const names = labelNames(isRecord(body) ? body.labels : body) ?? [];
    for (const n of names) if (!issue.labels.some((l) => l.name.toLowerCase() === n.toLowerCase())) issue.labels.push(state.ensureLabel(repo, n));
    touch(issue);
    return { status: 200, body: issue.labels };
  });

  on('DELETE', '/repos/{owner}/{repo}/issues/{issue_number}/labels/{name}', ({ repo, params }) => {
    const issue = findIssue(repo, params.issue_number);
    if (!issue) return notFound();
    const before = issue.labels.length;
    issue.labels = issue.labels.filter((l: Label) => l.name.toLowerCase() !== params.name.toLowerCase());
    if (issue.labels.length === before) return { status: 404, body: { message: 'Label does not exist', documentation_url: DOCS, status: '404' } };
    touch(issue);
    return { status: 200, body: issue.labels };
  });

  on('POST', '/repos/{owner}/{repo}/issues/{issue_number}/assignees', ({ repo, params, body }) => {
    const issue = findIssue(repo, params.issue_number);
    if (!issue) return notFound();
    // GitHub silently ignores logins that cannot be assigned here.
    const wanted = (isRecord(body) && Array.isArray(body.assignees) ? (body.assignees as string[]) : []).filter((a) => state.isAssignable(a));
    for (const a of wanted) if (!issue.assignees.some((x) => x.login.toLowerCase() === a.toLowerCase())) issue.assignees.push(state.user(a));
    issue.assignee = issue.assignees[0] ?? null;
    touch(issue);
    return { status: 201, body: issue };
  });

  const findPull = (repo: Repo, n: string) => repo.pulls.find((p) => String(p.number) === n);

  on('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/requested_reviewers', ({ repo, params }) => {
    const pull = findPull(repo, params.pull_number);
    if (!pull) return notFound();
    return { status: 200, body: { users: pull.requestedUsers.map((l) => state.user(l)), teams: pull.requestedTeams.map((t) => state.team(repo.owner, t)) } };
  });

  on('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/files', ({ repo, params, url }) => {
    const pull = findPull(repo, params.pull_number);
    if (!pull) return notFound();
    const web = `${state.htmlUrl}/${repo.owner}/${repo.name}`;
    const api = `${state.apiUrl()}/repos/${repo.owner}/${repo.name}`;
    const entries = pull.files.map((f) => {
      const sha = [...f.filename].reduce((h, ch) => (h * 33 + ch.charCodeAt(0)) % 0xffffffff, 5381).toString(16).padStart(40, '0');
      return {
        sha,
        filename: f.filename,
        status: f.status,
        additions: f.status === 'removed' ? 0 : 1,
        deletions: f.status === 'added' ? 0 : 1,
        changes: f.status === 'added' || f.status === 'removed' ? 1 : 2,
        blob_url: `${web}/blob/${pull.headSha}/${f.filename}`,
        raw_url: `${web}/raw/${pull.headSha}/${f.filename}`,
        contents_url: `${api}/contents/${f.filename}?ref=${pull.headSha}`,
        ...(f.previous_filename ? { previous_filename: f.previous_filename } : {}),
      };
    });
    return page(entries, url);
  });

  on('GET', '/repos/{owner}/{repo}/pulls/{pull_number}/reviews', ({ repo, params, url }) => {
    const pull = findPull(repo, params.pull_number);
    if (!pull) return notFound();
    const api = `${state.apiUrl()}/repos/${repo.owner}/${repo.name}`;
    const html = `${state.htmlUrl}/${repo.owner}/${repo.name}/pull/${pull.number}`;
    const reviews = pull.reviews.map((r) => ({
      id: r.id,
      node_id: Buffer.from(`017:PullRequestReview${r.id}`).toString('base64'),
      user: state.user(r.login),
      body: '',
      state: r.state,
      html_url: `${html}#pullrequestreview-${r.id}`,
      pull_request_url: `${api}/pulls/${pull.number}`,
      _links: { html: { href: `${html}#pullrequestreview-${r.id}` }, pull_request: { href: `${api}/pulls/${pull.number}` } },
      submitted_at: r.submitted_at,
      commit_id: pull.headSha,
      author_association: 'MEMBER',
    }));
    return page(reviews, url);
  });

  const ruleset = (repo: Repo, id: number, body: Record<string, unknown>) => {
    const now = state.timestamp();
    return {
      ...body,
      id,
      source_type: 'Repository',
      source: `${repo.owner}/${repo.name}`,
      _links: { self: { href: `${state.apiUrl()}/repos/${repo.owner}/${repo.name}/rulesets/${id}` }, html: { href: `${state.htmlUrl}/${repo.owner}/${repo.name}/rules/${id}` } },
      created_at: now,
      updated_at: now,
    };
  };
  const badRuleset = (body: unknown) =>
    !isRecord(body) || typeof body.name !== 'string' || !['disabled', 'active', 'evaluate'].includes(String(body.enforcement))
      ? validationFailed([{ resource: 'Ruleset', code: 'invalid', field: 'name' }])
      : undefined;

  on('GET', '/repos/{owner}/{repo}/rulesets', ({ repo, url }) => page(repo.rulesets, url));

  on('POST', '/repos/{owner}/{repo}/rulesets', ({ repo, body }) => {
    const bad = badRuleset(body);
    if (bad) return bad;
    if (repo.rulesets.some((r) => r.name === (body as Record<string, unknown>).name)) return validationFailed([{ resource: 'Ruleset', code: 'already_exists', field: 'name' }]);
    const created = ruleset(repo, state.id(), body as Record<string, unknown>);
    repo.rulesets.push(created);
    return { status: 201, body: created };
  });

  on('PUT', '/repos/{owner}/{repo}/rulesets/{ruleset_id}', ({ repo, params, body }) => {
    const index = repo.rulesets.findIndex((r) => String(r.id) === params.ruleset_id);
    if (index < 0) return notFound();
    const bad = badRuleset(body);
    if (bad) return bad;
    repo.rulesets[index] = { ...ruleset(repo, Number(params.ruleset_id), body as Record<string, unknown>), created_at: repo.rulesets[index].created_at };
    return { status: 200, body: repo.rulesets[index] };
  });

  return routes;
}
