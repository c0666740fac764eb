// Requested reviewers and approvals of the pull request, asked from the API (they change after
// the event was sent); the event payload's lists are the fallback when the API cannot be asked.
import * as core from '@actions/core';
import { errorMessage } from '../../../src/github/client.js';
import type { RequestedReviewers } from '../../../src/pr/required-approvers.js';
import { clientFor } from './comment.js';
import type { PullRequestInfo } from './pull-request.js';

export async function reviewState(pr: PullRequestInfo, access: { token: string; apiUrl: string }): Promise<{ requested: RequestedReviewers; approvedBy: string[]; source: 'api' | 'event' }> {
  if (!access.token) return { requested: pr.requested, approvedBy: [], source: 'event' };
  try {
    const octokit = clientFor(access);
    const { data } = await octokit.rest.pulls.listRequestedReviewers({ owner: pr.owner, repo: pr.repo, pull_number: pr.number });
    const reviews = await octokit.paginate(octokit.rest.pulls.listReviews, { owner: pr.owner, repo: pr.repo, pull_number: pr.number, per_page: 100 });
    // The latest review of each user counts, as on GitHub.
    const latest = new Map<string, string>();
    for (const r of reviews) if (r.user) latest.set(r.user.login, r.state);
    return {
      requested: { users: data.users.map((u) => u.login), teams: data.teams.map((t) => t.slug) },
      approvedBy: [...latest].filter(([, state]) => state === 'APPROVED').map(([login]) => login),
      source: 'api',
    };
  } catch (error) {
    core.info(`requested reviewers from the event payload (the API said: ${errorMessage(error)})`);
    return { requested: pr.requested, approvedBy: [], source: 'event' };
  }
}
