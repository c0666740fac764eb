// The "who must approve" part of the governance report: one row per touched domain with its
// CODEOWNERS owners (mentioned, so they get notified) and whether each has been asked to review.
import { isRequested, type RequestedReviewers, type RequiredApprovers } from './required-approvers.js';
import { escapeCell, table } from './markdown.js';

export function approvalsMarkdown(required: RequiredApprovers, requested: RequestedReviewers, approvedBy: readonly string[] = []): string {
  if (required.domains.length === 0) return '_No domain folder is touched: no domain team approval is required._';
  const approved = new Set(approvedBy.map((l) => `@${l.toLowerCase()}`));
  const rows = required.domains.map((d) => [
    `\`${d.domain}\``,
    d.owners.length > 0
      ? d.owners
          .map((o) => `${o} ${approved.has(o.toLowerCase()) ? '(approved)' : isRequested(o, requested) ? '(review requested)' : '(**not requested**)'}`)
          .join('<br>')
      : '**no owner in CODEOWNERS**',
    d.files.map((f) => escapeCell(f)).join('<br>'),
  ]);
  const lines = [
    `Approval required from ${required.domains.length === 1 ? 'the owners of 1 domain' : `the owners of ${required.domains.length} domains`}:`,
    '',
    table(['domain', 'owners (CODEOWNERS)', 'changed files'], rows),
  ];
  if (required.unowned.length > 0) lines.push('', `:warning: No CODEOWNERS rule owns ${required.unowned.map((f) => `\`${f}\``).join(', ')}: add one so a domain team reviews it.`);
  return lines.join('\n');
}
