// Writes this action's section of the one sticky PR comment. Read-only tokens (pull requests from
// forks) are expected: a fork PR is not even tried, and a 403/404 on a write is reported as a
// warning, never as a failure; the annotations and the job summary carry the results then.
import * as core from '@actions/core';
import { createGitHubClient, errorMessage, httpStatus, type GitHubClient } from '../../../src/github/client.js';
import { findMarker } from '../../../src/github/markers.js';
import { STICKY_KIND, upsertStickyComment } from '../../../src/github/sticky-comment.js';
import { PR_COMMENT_KEY, parseSections, renderComment, type CommentSection } from '../../../src/pr/comment-sections.js';
import type { PullRequestInfo } from './pull-request.js';

export type CommentOutcome =
  | { status: 'created' | 'updated' | 'unchanged'; url: string }
  | { status: 'skipped'; reason: string };

export interface CommentTarget {
  pr: PullRequestInfo;
  token: string;
  apiUrl: string;
}

export function clientFor(target: Pick<CommentTarget, 'token' | 'apiUrl'>): GitHubClient {
  return createGitHubClient({ token: target.token, baseUrl: target.apiUrl, userAgent: 'mesh-contracts-action', log: (m) => core.info(m) });
}

async function currentBody(octokit: GitHubClient, pr: PullRequestInfo): Promise<string | undefined> {
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner: pr.owner, repo: pr.repo, issue_number: pr.number, per_page: 100 });
  const mine = comments.filter((c) => findMarker(c.body, STICKY_KIND) === PR_COMMENT_KEY).sort((a, b) => a.id - b.id);
  return mine[0]?.body ?? undefined;
}

/**
 * Replaces this action's section and writes the comment back. The REST API has no conditional
 * update, so two jobs writing at the same moment can erase each other's section: after writing,
 * the comment is read again at once and once more after a pause (longer than the client's 1 s
 * spacing of writes, so a concurrent writer's stale write has landed by then); whenever this action's section
 * is missing or stale, the merge is redone (at most 4 writes). contracts-pr.yml also orders the
 * jobs (needs:) so that, normally, only one writes at a time.
 */
export async function publishSection(section: CommentSection, target: CommentTarget): Promise<CommentOutcome> {
  const { pr } = target;
  if (pr.fork) return { status: 'skipped', reason: 'pull request from a fork: the token is read-only, results are in the annotations and the job summary' };
  const octokit = clientFor(target);
  const isMine = (body: string | undefined) => {
    const mine = parseSections(body).find((s) => s.id === section.id);
    return !!mine && mine.status === section.status && mine.body === section.body.trim();
  };
  try {
    let outcome: CommentOutcome | undefined;
    let writes = 0;
    let body = await currentBody(octokit, pr);
    for (const pauseMs of [0, 2000 + Math.floor(Math.random() * 500)]) {
      if (pauseMs > 0) {
        await new Promise((resolve) => setTimeout(resolve, pauseMs));
        body = await currentBody(octokit, pr);
      }
      while (!isMine(body) || outcome === undefined) {
        if (writes >= 4) return outcome ?? { status: 'skipped', reason: 'the comment kept changing under concurrent writers' };
        const r = await upsertStickyComment(octokit, { owner: pr.owner, repo: pr.repo, issue_number: pr.number, key: PR_COMMENT_KEY, body: renderComment(section, body) });
        writes++;
        if (!outcome || outcome.status === 'unchanged') outcome = { status: r.action, url: r.html_url };
        body = await currentBody(octokit, pr);
      }
    }
    return outcome!;
  } catch (error) {
    const status = httpStatus(error);
    if (status === 403 || status === 404) {
      core.warning(`could not write the pull request comment (${errorMessage(error)}): the token is probably read-only (a fork's pull request); results are in the annotations and the job summary`);
      return { status: 'skipped', reason: `read-only token (HTTP ${status})` };
    }
    core.warning(`could not write the pull request comment: ${errorMessage(error)}`);
    return { status: 'skipped', reason: errorMessage(error) };
  }
}
