// One comment per (issue or pull request, key), created once and then edited in place: the PR
// summary comment of the Actions and any other "sticky" bot comment. Found again by a hidden marker.
import type { GitHubClient } from './client.js';
import { findMarker, marker } from './markers.js';

export const STICKY_KIND = 'mesh-sticky';

export interface StickyCommentInput {
  owner: string;
  repo: string;
  /** Issue or pull request number. */
  issue_number: number;
  /** Identifies the comment among the bot's comments (e.g. `contracts-pr-summary`). */
  key: string;
  /** Markdown; the marker is added by this function. */
  body: string;
}

export interface StickyCommentResult {
  action: 'created' | 'updated' | 'unchanged';
  id: number;
  html_url: string;
  /** Ids of extra copies (left by concurrent runs) that were deleted. */
  deleted: number[];
}

/** The body as it is stored: the marker first, then the text. */
export function stickyBody(key: string, body: string): string {
  return `${marker(STICKY_KIND, key)}\n${body}`;
}

export async function upsertStickyComment(octokit: GitHubClient, input: StickyCommentInput): Promise<StickyCommentResult> {
  const { owner, repo, issue_number, key } = input;
  const wanted = stickyBody(key, input.body);
  const comments = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
  const mine = comments.filter((c) => findMarker(c.body, STICKY_KIND) === key).sort((a, b) => a.id - b.id);
  if (mine.length === 0) {
    const created = await octokit.rest.issues.createComment({ owner, repo, issue_number, body: wanted });
    // A concurrent run may have created one too: the oldest wins, the newer copies go.
    const again = await octokit.paginate(octokit.rest.issues.listComments, { owner, repo, issue_number, per_page: 100 });
    const copies = again.filter((c) => findMarker(c.body, STICKY_KIND) === key).sort((a, b) => a.id - b.id);
    if (copies.length > 1 && copies[0].id !== created.data.id) {
      await octokit.rest.issues.deleteComment({ owner, repo, comment_id: created.data.id });
      const keep = copies[0];
      if (keep.body !== wanted) await octokit.rest.issues.updateComment({ owner, repo, comment_id: keep.id, body: wanted });
      return { action: 'updated', id: keep.id, html_url: keep.html_url, deleted: [created.data.id] };
    }
    return { action: 'created', id: created.data.id, html_url: created.data.html_url, deleted: [] };
  }
  const [keep, ...extra] = mine;
  const deleted: number[] = [];
  for (const c of extra) {
    await octokit.rest.issues.deleteComment({ owner, repo, comment_id: c.id });
    deleted.push(c.id);
  }
  if (keep.body === wanted) return { action: 'unchanged', id: keep.id, html_url: keep.html_url, deleted };
  await octokit.rest.issues.updateComment({ owner, repo, comment_id: keep.id, body: wanted });
  return { action: 'updated', id: keep.id, html_url: keep.html_url, deleted };
}
