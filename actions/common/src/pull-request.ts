// The pull request an action runs for, from the event payload the runner wrote (GITHUB_EVENT_PATH,
// read by @actions/github's context). Outside a pull_request event there is none: the actions then
// check everything and skip the comment.
import { context } from '@actions/github';
import type { RequestedReviewers } from '../../../src/pr/required-approvers.js';

export interface PullRequestInfo {
  owner: string;
  repo: string;
  number: number;
  baseSha: string;
  headSha: string;
  baseRef: string;
  /** The head branch lives in a fork: the workflow token is read-only there. */
  fork: boolean;
  /** Reviewers requested when the event was sent (the API is asked again when possible). */
  requested: RequestedReviewers;
  htmlUrl?: string;
  /** The pull request's description (its `mesh-waive:` lines waive breaking changes). */
  body?: string;
}

type Json = Record<string, unknown>;

function rec(v: unknown): Json | undefined {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Json) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

/** The owner/name the workflow runs in (GITHUB_REPOSITORY), or undefined when unset. */
export function repository(): { owner: string; repo: string } | undefined {
  const full = process.env.GITHUB_REPOSITORY;
  if (!full || !/^[^/]+\/[^/]+$/.test(full)) return undefined;
  const [owner, repo] = full.split('/');
  return { owner, repo };
}

export function pullRequestFromEvent(payload: Json = context.payload as Json): PullRequestInfo | undefined {
  const pr = rec(payload.pull_request);
  if (!pr || typeof pr.number !== 'number') return undefined;
  const base = rec(pr.base);
  const head = rec(pr.head);
  const baseRepo = rec(base?.repo);
  const headRepo = rec(head?.repo);
  const full = str(baseRepo?.full_name) ?? process.env.GITHUB_REPOSITORY ?? '';
  const [owner, repo] = full.split('/');
  const baseSha = str(base?.sha);
  const headSha = str(head?.sha);
  if (!owner || !repo || !baseSha || !headSha) return undefined;
  const fork = headRepo?.fork === true || (!!str(headRepo?.full_name) && str(headRepo?.full_name) !== full) || headRepo === undefined;
  const users = Array.isArray(pr.requested_reviewers) ? pr.requested_reviewers.map((u) => str(rec(u)?.login)).filter((u): u is string => !!u) : [];
  const teams = Array.isArray(pr.requested_teams) ? pr.requested_teams.map((t) => str(rec(t)?.slug)).filter((t): t is string => !!t) : [];
  return {
    owner,
    repo,
    number: pr.number,
    baseSha,
    headSha,
    baseRef: str(base?.ref) ?? 'main',
    fork,
    requested: { users, teams },
    ...(str(pr.html_url) ? { htmlUrl: str(pr.html_url) } : {}),
    ...(str(pr.body) ? { body: str(pr.body) } : {}),
  };
}
