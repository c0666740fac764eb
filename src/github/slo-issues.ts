// The SLO breach bot: keeps exactly one GitHub issue per breached SLO. Finds its issues by label +
// hidden marker, plans per SLO (slo-issue-plan.ts) and performs the plan. One SLO failing does not
// stop the others. Two runs at once: after creating an issue the bot lists again and, if an older
// issue with the same marker exists, closes its own as a duplicate of the older one; every run
// also closes newer open duplicates it finds (the workflow's concurrency group is the first guard).
import type { SloResult, SloStatusReport } from '../slo/status.js';
import { sloKey } from '../slo/status.js';
import { errorMessage, httpStatus, type GitHubClient } from './client.js';
import { findMarker } from './markers.js';
import { planSloIssue, SLO_MARKER, type SloIssueSettings, type Step, type TrackedIssue } from './slo-issue-plan.js';

export interface SloReportOptions extends Partial<SloIssueSettings> {
  owner: string;
  repo: string;
  /** Print the plan, call no write endpoint. */
  dryRun?: boolean;
  /** One line per event (plans, retries, failures). */
  log?: (line: string) => void;
}

export interface SloOutcome {
  key: string;
  status: SloResult['status'];
  summary: string;
  issue?: number;
  url?: string;
  error?: string;
}

export interface SloReport {
  ok: boolean;
  outcomes: SloOutcome[];
  /** Problems not tied to one SLO (listing issues, labels). */
  errors: string[];
}

const LABEL_STYLE: Record<string, { color: string; description: string }> = {
  breach: { color: 'd73a4a', description: 'An SLO of a data contract is breached (opened by mesh slo report)' },
  atRisk: { color: 'fbca04', description: 'A breached SLO has improved but is still close to its target' },
};

interface Known extends TrackedIssue {
  key: string;
}

export async function reportSloStatus(octokit: GitHubClient | undefined, report: SloStatusReport, options: SloReportOptions): Promise<SloReport> {
  const settings: SloIssueSettings = {
    breachLabel: options.breachLabel ?? 'slo-breach',
    atRiskLabel: options.atRiskLabel === undefined ? 'slo-at-risk' : options.atRiskLabel,
    ...(options.siteUrl ? { siteUrl: options.siteUrl } : {}),
    ...(options.fileUrl ? { fileUrl: options.fileUrl } : {}),
  };
  const log = options.log ?? (() => {});
  const { owner, repo } = options;
  const errors: string[] = [];
  const outcomes: SloOutcome[] = [];

  let known: Known[] = [];
  if (octokit) {
    try {
      known = await listTracked(octokit, owner, repo, settings.breachLabel);
    } catch (err) {
      const message = `cannot list issues of ${owner}/${repo}: ${errorMessage(err)}`;
      log(`error: ${message}`);
      return { ok: false, outcomes: report.results.map((r) => ({ key: sloKey(r), status: r.status, summary: 'none', error: message })), errors: [message] };
    }
  } else {
    log('dry run without a token: existing issues are not read, every breach is planned as a new issue');
  }

  if (!options.dryRun && octokit) {
    await closeDuplicates(octokit, owner, repo, known, log).catch((err) => errors.push(`closing duplicates: ${errorMessage(err)}`));
  }

  // Results with the same key (should not happen) are reported once: the worst wins.
  const byKey = new Map<string, SloResult>();
  const rank = { breached: 0, 'at-risk': 1, unknown: 2, met: 3 } as const;
  for (const r of report.results) {
    const k = sloKey(r);
    const prev = byKey.get(k);
    if (!prev || rank[r.status] < rank[prev.status]) byKey.set(k, r);
  }

  let labelsReady = false;
  for (const [key, result] of byKey) {
    const issue = canonical(known, key);
    const plan = planSloIssue(result, issue, settings, report.evaluatedAt);
    const outcome: SloOutcome = { key, status: result.status, summary: plan.summary, ...(issue ? { issue: issue.number, url: issue.html_url } : {}) };
    outcomes.push(outcome);
    if (plan.steps.length === 0) continue;
    if (options.dryRun || !octokit) {
      log(`would ${plan.summary} ${key}${issue ? ` (#${issue.number})` : ''}: ${plan.steps.map(describeStep).join(', ')}`);
      continue;
    }
    try {
      if (!labelsReady) {
        await ensureLabels(octokit, owner, repo, settings, log);
        labelsReady = true;
      }
      const number = await perform(octokit, owner, repo, plan.steps, issue, key, settings, log, outcome);
      log(`${plan.summary} ${key} → #${number}${outcome.url ? ` ${outcome.url}` : ''}`);
    } catch (err) {
      outcome.error = errorMessage(err);
      log(`error: ${key}: ${outcome.error}`);
    }
  }
  return { ok: errors.length === 0 && outcomes.every((o) => !o.error), outcomes, errors };
}

function describeStep(step: Step): string {
  switch (step.kind) {
    case 'create':
      return `create issue "${step.title}"${step.assignees.length > 0 ? ` assigned to ${step.assignees.join(', ')}` : ''}`;
    case 'comment':
      return 'comment';
    case 'update':
      return step.state === 'closed' ? 'close' : step.state === 'open' ? 'reopen' : step.labels && !step.body ? 'set labels' : 'update body';
  }
}

async function listTracked(octokit: GitHubClient, owner: string, repo: string, label: string): Promise<Known[]> {
  const issues = await octokit.paginate(octokit.rest.issues.listForRepo, { owner, repo, labels: label, state: 'all', per_page: 100 });
  const out: Known[] = [];
  for (const i of issues) {
    if (i.pull_request) continue;
    const key = findMarker(i.body, SLO_MARKER);
    if (!key) continue;
    out.push({
      key,
      number: i.number,
      state: i.state === 'closed' ? 'closed' : 'open',
      body: i.body ?? '',
      labels: i.labels.map((l) => (typeof l === 'string' ? l : (l.name ?? ''))).filter(Boolean),
      html_url: i.html_url,
    });
  }
  return out;
}

/** The issue of a key: the oldest (lowest number) carrying its marker. */
function canonical(known: readonly Known[], key: string): Known | undefined {
  return known.filter((k) => k.key === key).sort((a, b) => a.number - b.number)[0];
}

async function closeDuplicates(octokit: GitHubClient, owner: string, repo: string, known: Known[], log: (l: string) => void): Promise<void> {
  for (const issue of known) {
    const first = canonical(known, issue.key)!;
    if (issue.number === first.number || issue.state !== 'open') continue;
    await closeAsDuplicate(octokit, owner, repo, issue.number, first.number);
    issue.state = 'closed';
    log(`closed #${issue.number} as a duplicate of #${first.number} (${issue.key})`);
  }
}

async function closeAsDuplicate(octokit: GitHubClient, owner: string, repo: string, number: number, of: number): Promise<void> {
  await octokit.rest.issues.createComment({ owner, repo, issue_number: number, body: `Duplicate of #${of}: two SLO bot runs opened an issue for the same SLO at the same time. Follow #${of}.` });
  await octokit.rest.issues.update({ owner, repo, issue_number: number, state: 'closed', state_reason: 'duplicate' });
}

async function ensureLabels(octokit: GitHubClient, owner: string, repo: string, settings: SloIssueSettings, log: (l: string) => void): Promise<void> {
  const existing = await octokit.paginate(octokit.rest.issues.listLabelsForRepo, { owner, repo, per_page: 100 });
  const names = new Set(existing.map((l) => l.name.toLowerCase()));
  const wanted: [string, { color: string; description: string }][] = [[settings.breachLabel, LABEL_STYLE.breach]];
  if (settings.atRiskLabel) wanted.push([settings.atRiskLabel, LABEL_STYLE.atRisk]);
  for (const [name, style] of wanted) {
    if (names.has(name.toLowerCase())) continue;
    try {
      await octokit.rest.issues.createLabel({ owner, repo, name, ...style });
      log(`created label ${name}`);
    } catch (err) {
      if (httpStatus(err) !== 422) throw err; // 422: created meanwhile by a concurrent run
    }
  }
}

async function perform(
  octokit: GitHubClient,
  owner: string,
  repo: string,
  steps: Step[],
  issue: Known | undefined,
  key: string,
  settings: SloIssueSettings,
  log: (l: string) => void,
  outcome: SloOutcome,
): Promise<number> {
  let number = issue?.number;
  for (const step of steps) {
    if (step.kind === 'create') {
      const created = await createWithAssignees(octokit, owner, repo, step, log);
      number = created.number;
      outcome.issue = created.number;
      outcome.url = created.html_url;
      // Re-check: a concurrent run may have opened the same SLO's issue a moment earlier.
      const again = await listTracked(octokit, owner, repo, settings.breachLabel);
      const first = canonical(again.some((k) => k.number === created.number) ? again : [...again, { ...created, key }], key);
      if (first && first.number !== created.number) {
        await closeAsDuplicate(octokit, owner, repo, created.number, first.number);
        log(`closed #${created.number} as a duplicate of #${first.number} (${key}), opened concurrently`);
        outcome.summary = 'duplicate-closed';
        outcome.issue = first.number;
        outcome.url = first.html_url;
        return first.number;
      }
    } else if (step.kind === 'comment') {
      await octokit.rest.issues.createComment({ owner, repo, issue_number: number!, body: step.body });
    } else {
      const { kind: _kind, ...fields } = step;
      await octokit.rest.issues.update({ owner, repo, issue_number: number!, ...fields });
    }
  }
  return number!;
}

async function createWithAssignees(
  octokit: GitHubClient,
  owner: string,
  repo: string,
  step: Extract<Step, { kind: 'create' }>,
  log: (l: string) => void,
): Promise<Known> {
  let assignees = step.assignees;
  for (let attempt = 0; ; attempt++) {
    try {
      const { data } = await octokit.rest.issues.create({ owner, repo, title: step.title, body: step.body, labels: step.labels, ...(assignees.length > 0 ? { assignees } : {}) });
      return { key: '', number: data.number, state: 'open', body: data.body ?? '', labels: step.labels, html_url: data.html_url };
    } catch (err) {
      if (httpStatus(err) !== 422 || assignees.length === 0 || attempt > 1) throw err;
      const invalid = invalidAssignees(err);
      const next = invalid.length > 0 && attempt === 0 ? assignees.filter((a) => !invalid.includes(a.toLowerCase())) : [];
      log(`cannot assign ${invalid.length > 0 ? invalid.join(', ') : assignees.join(', ')}: creating the issue ${next.length > 0 ? `assigned to ${next.join(', ')}` : 'unassigned'} (they are still mentioned in it)`);
      assignees = next;
    }
  }
}

function invalidAssignees(err: unknown): string[] {
  const data = (err as { response?: { data?: { errors?: { field?: string; value?: unknown }[] } } }).response?.data;
  return (data?.errors ?? []).filter((e) => e.field === 'assignees' || e.field === 'assignee').map((e) => String(e.value).toLowerCase());
}
