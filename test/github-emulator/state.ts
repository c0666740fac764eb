// The in-memory GitHub the emulator serves: repositories with issues, comments and labels, stored
// in the shapes the REST API returns (full issue objects with user, labels, assignees, ...).

export interface SimpleUser {
  login: string;
  id: number;
  node_id: string;
  avatar_url: string;
  gravatar_id: string;
  url: string;
  html_url: string;
  followers_url: string;
  following_url: string;
  gists_url: string;
  starred_url: string;
  subscriptions_url: string;
  organizations_url: string;
  repos_url: string;
  events_url: string;
  received_events_url: string;
  type: 'User' | 'Bot';
  site_admin: boolean;
  user_view_type: string;
}

export interface Label {
  id: number;
  node_id: string;
  url: string;
  name: string;
  description: string | null;
  color: string;
  default: boolean;
}

export interface Issue {
  id: number;
  node_id: string;
  url: string;
  repository_url: string;
  labels_url: string;
  comments_url: string;
  events_url: string;
  html_url: string;
  timeline_url: string;
  number: number;
  state: 'open' | 'closed';
  state_reason: 'completed' | 'reopened' | 'not_planned' | 'duplicate' | null;
  title: string;
  body: string | null;
  user: SimpleUser;
  labels: Label[];
  assignee: SimpleUser | null;
  assignees: SimpleUser[];
  milestone: null;
  locked: boolean;
  active_lock_reason: string | null;
  comments: number;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
  closed_by: SimpleUser | null;
  author_association: 'OWNER' | 'MEMBER' | 'COLLABORATOR' | 'CONTRIBUTOR' | 'NONE';
  performed_via_github_app: null;
  reactions: Reactions;
  /** Present when the issue is a pull request (pull requests are issues in the REST API). */
  pull_request?: { url: string; html_url: string; diff_url: string; patch_url: string; merged_at: string | null };
}

/** A pull request's review state the emulator serves (files, requested reviewers, reviews). */
export interface PullRequest {
  number: number;
  headSha: string;
  files: { filename: string; status: 'added' | 'removed' | 'modified' | 'renamed'; previous_filename?: string }[];
  requestedUsers: string[];
  /** Team slugs (without the org). */
  requestedTeams: string[];
  reviews: { login: string; state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED'; id: number; submitted_at: string }[];
}

export interface Reactions {
  url: string;
  total_count: number;
  '+1': number;
  '-1': number;
  laugh: number;
  confused: number;
  heart: number;
  hooray: number;
  eyes: number;
  rocket: number;
}

export interface IssueComment {
  id: number;
  node_id: string;
  url: string;
  html_url: string;
  issue_url: string;
  body: string;
  user: SimpleUser;
  created_at: string;
  updated_at: string;
  author_association: Issue['author_association'];
  performed_via_github_app: null;
  reactions: Reactions;
  /** Not part of GitHub's shape: which issue it belongs to (stripped from responses). */
  issueNumber?: number;
}

export interface Repo {
  owner: string;
  name: string;
  issues: Issue[];
  comments: IssueComment[];
  labels: Label[];
  pulls: PullRequest[];
  /** Repository rulesets as created through the API (request bodies plus id and source). */
  rulesets: Record<string, unknown>[];
  nextNumber: number;
}

export class EmulatorState {
  private nextId = 1000;
  readonly repos = new Map<string, Repo>();
  /** Writes answer 403 "Resource not accessible by integration" (a token of a fork PR). */
  readOnly = false;

  constructor(
    readonly apiUrl: () => string,
    readonly htmlUrl: string,
    readonly viewer: string,
    /** Logins that may be assigned; undefined: anybody. */
    public collaborators: string[] | undefined,
    readonly now: () => Date,
  ) {}

  id(): number {
    return this.nextId++;
  }

  timestamp(): string {
    return this.now().toISOString().replace(/\.\d{3}Z$/, 'Z');
  }

  repo(owner: string, name: string): Repo {
    const key = `${owner}/${name}`.toLowerCase();
    let repo = this.repos.get(key);
    if (!repo) {
      repo = { owner, name, issues: [], comments: [], labels: [], pulls: [], rulesets: [], nextNumber: 1 };
      for (const [label, color] of [['bug', 'd73a4a'], ['duplicate', 'cfd3d7'], ['enhancement', 'a2eeef']] as const) {
        repo.labels.push(this.makeLabel(repo, label, color, null, true));
      }
      this.repos.set(key, repo);
    }
    return repo;
  }

  /** Issues of a repository (for assertions in tests). */
  issues(owner: string, name: string): Issue[] {
    return this.repo(owner, name).issues;
  }

  commentsOf(owner: string, name: string, number: number): IssueComment[] {
    return this.repo(owner, name).comments.filter((c) => c.issueNumber === number);
  }

  user(login: string): SimpleUser {
    const api = this.apiUrl();
    const path = encodeURIComponent(login);
    const id = [...login].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 100_000_000, 7);
    return {
      login,
      id,
      node_id: Buffer.from(`04:User${id}`).toString('base64'),
      avatar_url: `https://avatars.githubusercontent.com/u/${id}?v=4`,
      gravatar_id: '',
      url: `${api}/users/${path}`,
      html_url: `${this.htmlUrl}/${path}`,
      followers_url: `${api}/users/${path}/followers`,
      following_url: `${api}/users/${path}/following{/other_user}`,
      gists_url: `${api}/users/${path}/gists{/gist_id}`,
      starred_url: `${api}/users/${path}/starred{/owner}{/repo}`,
      subscriptions_url: `${api}/users/${path}/subscriptions`,
      organizations_url: `${api}/users/${path}/orgs`,
      repos_url: `${api}/users/${path}/repos`,
      events_url: `${api}/users/${path}/events{/privacy}`,
      received_events_url: `${api}/users/${path}/received_events`,
      type: login.endsWith('[bot]') ? 'Bot' : 'User',
      site_admin: false,
      user_view_type: 'public',
    };
  }

  makeLabel(repo: Repo, name: string, color = 'ededed', description: string | null = null, isDefault = false): Label {
    const id = this.id();
    return {
      id,
      node_id: Buffer.from(`06:Label${id}`).toString('base64'),
      url: `${this.apiUrl()}/repos/${repo.owner}/${repo.name}/labels/${encodeURIComponent(name)}`,
      name,
      description,
      color,
      default: isDefault,
    };
  }

  /** The label named `name` (case-insensitive), created when missing (as GitHub does for issue labels). */
  ensureLabel(repo: Repo, name: string): Label {
    const existing = repo.labels.find((l) => l.name.toLowerCase() === name.toLowerCase());
    if (existing) return existing;
    const label = this.makeLabel(repo, name);
    repo.labels.push(label);
    return label;
  }

  reactions(url: string): Reactions {
    return { url: `${url}/reactions`, total_count: 0, '+1': 0, '-1': 0, laugh: 0, confused: 0, heart: 0, hooray: 0, eyes: 0, rocket: 0 };
  }

  createIssue(repo: Repo, input: { title: string; body?: string | null; labels?: string[]; assignees?: string[] }): Issue {
    const id = this.id();
    const number = repo.nextNumber++;
    const api = `${this.apiUrl()}/repos/${repo.owner}/${repo.name}`;
    const url = `${api}/issues/${number}`;
    const now = this.timestamp();
    const assignees = (input.assignees ?? []).map((l) => this.user(l));
    const issue: Issue = {
      id,
      node_id: Buffer.from(`05:Issue${id}`).toString('base64'),
      url,
      repository_url: api,
      labels_url: `${url}/labels{/name}`,
      comments_url: `${url}/comments`,
      events_url: `${url}/events`,
      html_url: `${this.htmlUrl}/${repo.owner}/${repo.name}/issues/${number}`,
      timeline_url: `${url}/timeline`,
      number,
      state: 'open',
      state_reason: null,
      title: input.title,
      body: input.body ?? null,
      user: this.user(this.viewer),
      labels: (input.labels ?? []).map((l) => this.ensureLabel(repo, l)),
      assignee: assignees[0] ?? null,
      assignees,
      milestone: null,
      locked: false,
      active_lock_reason: null,
      comments: 0,
      closed_at: null,
      created_at: now,
      updated_at: now,
      closed_by: null,
      author_association: 'MEMBER',
      performed_via_github_app: null,
      reactions: this.reactions(url),
    };
    repo.issues.push(issue);
    return issue;
  }

  createComment(repo: Repo, issue: Issue, body: string): IssueComment {
    const id = this.id();
    const api = `${this.apiUrl()}/repos/${repo.owner}/${repo.name}`;
    const now = this.timestamp();
    const comment: IssueComment = {
      id,
      node_id: Buffer.from(`012:IssueComment${id}`).toString('base64'),
      url: `${api}/issues/comments/${id}`,
      html_url: `${issue.html_url}#issuecomment-${id}`,
      issue_url: issue.url,
      body,
      user: this.user(this.viewer),
      created_at: now,
      updated_at: now,
      author_association: 'MEMBER',
      performed_via_github_app: null,
      reactions: this.reactions(`${api}/issues/comments/${id}`),
      issueNumber: issue.number,
    };
    repo.comments.push(comment);
    issue.comments++;
    issue.updated_at = now;
    return comment;
  }

  /**
   * A pull request: an issue with a `pull_request` link (so its comments go through the issue
   * endpoints, as on GitHub) plus its files, requested reviewers and reviews.
   */
  createPullRequest(
    repo: Repo,
    input: { title: string; body?: string; headSha?: string; files?: PullRequest['files']; requestedUsers?: string[]; requestedTeams?: string[] },
  ): { issue: Issue; pull: PullRequest } {
    const issue = this.createIssue(repo, { title: input.title, body: input.body ?? null });
    const api = `${this.apiUrl()}/repos/${repo.owner}/${repo.name}`;
    const html = `${this.htmlUrl}/${repo.owner}/${repo.name}/pull/${issue.number}`;
    issue.html_url = html;
    issue.pull_request = { url: `${api}/pulls/${issue.number}`, html_url: html, diff_url: `${html}.diff`, patch_url: `${html}.patch`, merged_at: null };
    const pull: PullRequest = {
      number: issue.number,
      headSha: input.headSha ?? '0'.repeat(40),
      files: input.files ?? [],
      requestedUsers: input.requestedUsers ?? [],
      requestedTeams: input.requestedTeams ?? [],
      reviews: [],
    };
    repo.pulls.push(pull);
    return { issue, pull };
  }

  team(owner: string, slug: string) {
    const id = [...`${owner}/${slug}`].reduce((h, ch) => (h * 31 + ch.charCodeAt(0)) % 10_000_000, 11);
    const api = this.apiUrl();
    return {
      id,
      node_id: Buffer.from(`04:Team${id}`).toString('base64'),
      url: `${api}/organizations/1/team/${id}`,
      html_url: `${this.htmlUrl}/orgs/${owner}/teams/${slug}`,
      name: slug,
      slug,
      description: null,
      privacy: 'closed',
      notification_setting: 'notifications_enabled',
      permission: 'pull',
      members_url: `${api}/organizations/1/team/${id}/members{/member}`,
      repositories_url: `${api}/organizations/1/team/${id}/repos`,
      parent: null,
      type: 'organization' as const,
    };
  }

  isAssignable(login: string): boolean {
    return this.collaborators === undefined || this.collaborators.some((c) => c.toLowerCase() === login.toLowerCase());
  }
}
