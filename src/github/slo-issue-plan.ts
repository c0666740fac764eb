// What the SLO bot should do for one SLO, decided from its new result and the issue it already has
// (if any). Pure: the executor (slo-issues.ts) performs the steps, `--dry-run` prints them.
import type { SloResult, SloStatus } from '../slo/status.js';
import { sloKey } from '../slo/status.js';
import { hiddenJson, marker, readHiddenJson } from './markers.js';

export const SLO_MARKER = 'mesh-slo';
export const SLO_STATE_MARKER = 'mesh-slo-state';

export interface SloIssueSettings {
  breachLabel: string;
  /** Label put on an open issue whose SLO improved to at-risk; false: no label. */
  atRiskLabel: string | false;
  /** Link to the contract's page: template with {contract}, {domain}, {product}. */
  siteUrl?: string;
  /** Link to the contract file: template with {file}. */
  fileUrl?: string;
}

/** The issue as the bot knows it from the API. */
export interface TrackedIssue {
  number: number;
  state: 'open' | 'closed';
  body: string;
  labels: string[];
  html_url: string;
}

/** What the bot last reported, kept in the issue body. */
export interface BotState {
  status: SloStatus;
  observed: number | string | null;
  observedAt: string | null;
  /** Start of the current breach. */
  since: string | null;
}

export type Step =
  | { kind: 'create'; title: string; body: string; labels: string[]; assignees: string[] }
  | { kind: 'update'; body?: string; labels?: string[]; state?: 'open' | 'closed'; state_reason?: 'completed' | 'reopened' }
  | { kind: 'comment'; body: string };

export interface SloIssuePlan {
  key: string;
  /** open | reopen | comment | close | label | none: a summary for people. */
  summary: 'open' | 'reopen' | 'update' | 'close' | 'label' | 'none';
  steps: Step[];
}

export function previousState(issue: TrackedIssue | undefined): BotState | undefined {
  return issue ? readHiddenJson<BotState>(issue.body, SLO_STATE_MARKER) : undefined;
}

export function planSloIssue(result: SloResult, issue: TrackedIssue | undefined, settings: SloIssueSettings, evaluatedAt: string): SloIssuePlan {
  const key = sloKey(result);
  const prev = previousState(issue);
  const changed = !prev || prev.status !== result.status || prev.observed !== result.observed;
  const now = result.observedAt ?? evaluatedAt;
  const at = settings.atRiskLabel;
  const withoutAtRisk = (labels: string[]) => labels.filter((l) => !at || l.toLowerCase() !== at.toLowerCase());
  const none: SloIssuePlan = { key, summary: 'none', steps: [] };

  switch (result.status) {
    case 'breached': {
      if (!issue) {
        const state: BotState = { status: 'breached', observed: result.observed, observedAt: result.observedAt, since: now };
        return { key, summary: 'open', steps: [{ kind: 'create', title: issueTitle(result), body: issueBody(result, state, settings), labels: [settings.breachLabel], assignees: assigneesOf(result) }] };
      }
      if (issue.state === 'closed') {
        const state: BotState = { status: 'breached', observed: result.observed, observedAt: result.observedAt, since: now };
        return {
          key,
          summary: 'reopen',
          steps: [
            { kind: 'update', state: 'open', body: issueBody(result, state, settings), labels: ensure(withoutAtRisk(issue.labels), settings.breachLabel) },
            { kind: 'comment', body: `Breached again: ${result.message}.${observedLine(result)}` },
          ],
        };
      }
      if (!changed) return none;
      const state: BotState = { status: 'breached', observed: result.observed, observedAt: result.observedAt, since: prev?.status === 'breached' || prev?.status === 'at-risk' || prev?.status === 'unknown' ? (prev.since ?? now) : now };
      return {
        key,
        summary: 'update',
        steps: [
          { kind: 'update', body: issueBody(result, state, settings), ...(labelsDiffer(issue.labels, withoutAtRisk(issue.labels)) ? { labels: withoutAtRisk(issue.labels) } : {}) },
          { kind: 'comment', body: `${prev?.status === 'breached' ? 'Still breached' : 'Breached'}: ${result.message}.${observedLine(result)}` },
        ],
      };
    }
    case 'at-risk':
    case 'unknown': {
      if (!issue || issue.state === 'closed') return none;
      const wantLabels = result.status === 'at-risk' && at ? ensure(issue.labels, at) : issue.labels;
      const labelChange = labelsDiffer(issue.labels, wantLabels);
      if (!changed) return labelChange ? { key, summary: 'label', steps: [{ kind: 'update', labels: wantLabels }] } : none;
      const state: BotState = { status: result.status, observed: result.observed, observedAt: result.observedAt, since: prev?.since ?? now };
      const text = result.status === 'at-risk' ? `Improved to at-risk, not yet recovered: ${result.message}.` : `Status unknown: ${result.message}. The issue stays open until the SLO is met.`;
      return {
        key,
        summary: labelChange ? 'label' : 'update',
        steps: [{ kind: 'update', body: issueBody(result, state, settings), ...(labelChange ? { labels: wantLabels } : {}) }, { kind: 'comment', body: `${text}${observedLine(result)}` }],
      };
    }
    case 'met': {
      if (!issue || issue.state === 'closed') return none;
      const state: BotState = { status: 'met', observed: result.observed, observedAt: result.observedAt, since: prev?.since ?? null };
      return {
        key,
        summary: 'close',
        steps: [
          { kind: 'comment', body: `Recovered: ${result.message}.${observedLine(result)} Closing; the bot reopens this issue if the SLO is breached again.` },
          { kind: 'update', state: 'closed', state_reason: 'completed', body: issueBody(result, state, settings), ...(labelsDiffer(issue.labels, withoutAtRisk(issue.labels)) ? { labels: withoutAtRisk(issue.labels) } : {}) },
        ],
      };
    }
  }
}

function ensure(labels: string[], label: string): string[] {
  return labels.some((l) => l.toLowerCase() === label.toLowerCase()) ? labels : [...labels, label];
}

function labelsDiffer(a: string[], b: string[]): boolean {
  const norm = (x: string[]) => [...new Set(x.map((l) => l.toLowerCase()))].sort().join('\n');
  return norm(a) !== norm(b);
}

function observedLine(r: SloResult): string {
  return r.observedAt ? ` (observed at ${r.observedAt})` : '';
}

const GITHUB_LOGIN = /^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;

/** Team members with GitHub logins, then individual CODEOWNERS users; at most 10 (GitHub's limit). */
export function assigneesOf(r: SloResult): string[] {
  const fromOwners = (r.owners ?? []).filter((o) => o.startsWith('@') && !o.includes('/') && GITHUB_LOGIN.test(o)).map((o) => o.slice(1));
  const all = [...(r.assignees ?? []), ...fromOwners];
  const seen = new Set<string>();
  return all.filter((l) => !seen.has(l.toLowerCase()) && seen.add(l.toLowerCase())).slice(0, 10);
}

function describeSlo(r: SloResult): string {
  return `${r.property}${r.element ? ` (${r.element})` : ''}`;
}

export function issueTitle(r: SloResult): string {
  return `SLO breach: ${r.product ?? r.contract} – ${describeSlo(r)}`;
}

function fill(template: string, r: SloResult): string {
  return template
    .replace(/\{contract\}/g, encodeURIComponent(r.contract))
    .replace(/\{domain\}/g, encodeURIComponent(r.domain ?? ''))
    .replace(/\{product\}/g, encodeURIComponent(r.product ?? r.contract))
    .replace(/\{file\}/g, (r.file ?? '').split('/').map(encodeURIComponent).join('/'));
}

function value(v: number | string | null, unit: string | null): string {
  if (v === null) return 'unknown';
  return typeof v === 'number' && unit ? `${v} ${unit}` : String(v);
}

/** The issue body: marker, a table a person can act on, the message, the hidden state. */
export function issueBody(r: SloResult, state: BotState, settings: SloIssueSettings): string {
  const key = sloKey(r);
  const contract = settings.siteUrl ? `[\`${r.contract}\`](${fill(settings.siteUrl, r)})` : `\`${r.contract}\``;
  const file = r.file ? (settings.fileUrl ? `[${r.file}](${fill(settings.fileUrl, r)})` : `\`${r.file}\``) : '';
  const owners = [...new Set([...(r.owners ?? []).filter((o) => o.startsWith('@')), ...(r.assignees ?? []).map((a) => `@${a}`)])];
  const rows = [
    ['Data product', r.product ?? r.contract],
    ['Contract', `${contract}${file ? ` in ${file}` : ''}`],
    ['SLO', describeSlo(r)],
    ['Target', value(r.target, r.unit)],
    ['Observed', `${value(r.observed, r.observed !== null && typeof r.observed === 'number' ? r.unit : null)}${r.observedAt ? ` at ${r.observedAt}` : ''}`],
    ['Status', `**${state.status}**${state.since && state.status !== 'met' ? ` since ${state.since}` : ''}`],
    ...(r.team ? [['Team', r.team]] : []),
    ['Owners', owners.length > 0 ? owners.join(' ') : 'none found: add a CODEOWNERS rule and team members to the contract'],
  ];
  return [
    marker(SLO_MARKER, key),
    `The ${describeSlo(r)} SLO of **${r.product ?? r.contract}** is ${state.status === 'met' ? 'met again' : state.status}.`,
    '',
    '| | |',
    '|---|---|',
    ...rows.map(([k, v]) => `| ${k} | ${String(v).replace(/\|/g, '\\|')} |`),
    '',
    `> ${r.message}`,
    '',
    '<sub>Kept up to date by `mesh slo report`: it comments when the status or the observed value changes, closes this issue when the SLO is met, and reopens it on the next breach. Keep the hidden markers in this text.</sub>',
    hiddenJson(SLO_STATE_MARKER, state),
  ].join('\n');
}
