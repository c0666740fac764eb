// actions/governance: the federated-governance gate of a pull request. Runs the policy and SLO
// rules of the lint engine (rule ids `policy/*` and `sla/*`: classification and personal-data tags,
// retention caps, SLA properties required per tier, floors, units, evaluable values) on the files
// the PR changes, and computes which CODEOWNERS owners of every touched domain must approve. Loads
// only the policy files and the changed files (src/pr/scoped-mesh.ts) unless the change widens the scope.
import * as core from '@actions/core';
import { countBySeverity, type Finding } from '../../../src/finding.js';
import { lintMesh } from '../../../src/lint.js';
import { parseCodeowners } from '../../../src/ownership/codeowners.js';
import { approvalsMarkdown } from '../../../src/pr/approvals-markdown.js';
import type { SectionStatus } from '../../../src/pr/comment-sections.js';
import { inScope, lintScope, type LintScope } from '../../../src/pr/lint-scope.js';
import { loadScopedMesh } from '../../../src/pr/scoped-mesh.js';
import { countsLine, findingsTable } from '../../../src/pr/markdown.js';
import { ownersNotRequested, requiredApprovers, type RequiredApprovers } from '../../../src/pr/required-approvers.js';
import { RULES } from '../../../src/rules/registry.js';
import { annotate } from '../../common/src/annotate.js';
import { publishSection, type CommentOutcome } from '../../common/src/comment.js';
import { changedFiles } from '../../common/src/git.js';
import { choice, flag, githubAccess, runAction, text } from '../../common/src/inputs.js';
import { pullRequestFromEvent } from '../../common/src/pull-request.js';
import { reviewState } from '../../common/src/reviewers.js';
import { blobLinker, loadWorkspaceMesh, repoRelative, runUrl, workspace, writeSummary } from '../../common/src/workspace.js';

/** Rule families the governance gate runs (the rest of lint is actions/lint's job). */
export const GOVERNANCE_RULE_PREFIXES = ['policy/', 'sla/', 'slo/'] as const;

export async function run(): Promise<void> {
  await runAction(async () => {
    const contracts = text('contracts', 'contracts');
    const scopeInput = choice('scope', ['changed', 'all'] as const, 'changed');
    const requireReviewers = flag('require-reviewers', false);
    const comment = flag('comment', true);
    const pr = pullRequestFromEvent();
    const access = githubAccess();

    // Only the policy files and the files in the scope of the change are loaded (a 10-contract change
    // of a 10,000-contract mesh loads ~100 files); a scope of `all` loads the whole mesh.
    const root = workspace();
    const contractsRel = repoRelative(root, contracts);
    const changed = pr ? changedFiles(root, pr.baseSha, pr.headSha) : [];
    const scope: LintScope = scopeInput === 'changed' && pr ? lintScope(changed, contractsRel) : { all: true };
    const { mesh, files } = scope.all ? await loadWorkspaceMesh(contracts) : await loadScopedMesh(contracts, scope, { root, cwd: root });
    const only = (f: { file: string }) => inScope(scope, f.file, contractsRel);
    const rules = RULES.map((r) => r.id).filter((id) => GOVERNANCE_RULE_PREFIXES.some((p) => id.startsWith(p)));
    const findings: Finding[] = lintMesh(mesh, { rules, only, cwd: root });

    const codeowners = mesh.codeowners ? parseCodeowners(mesh.codeowners.text, mesh.codeowners.file) : undefined;
    const required: RequiredApprovers = requiredApprovers(changed, codeowners, contractsRel);
    const review = pr ? await reviewState(pr, access) : { requested: { users: [], teams: [] }, approvedBy: [], source: 'event' as const };
    const missing = ownersNotRequested(required, review.requested, review.approvedBy);

    const n = countBySeverity(findings);
    const reviewProblem = missing.length > 0 || required.unowned.length > 0;
    const verdict: SectionStatus = n.error > 0 || (requireReviewers && reviewProblem) ? 'fail' : n.warning > 0 || reviewProblem ? 'warn' : 'pass';
    const { overflow } = annotate(findings, verdict === 'fail');
    for (const m of missing) {
      const message = `${m.owner} owns ${m.domain} (CODEOWNERS) but is not a requested reviewer: request a review from ${m.owner}`;
      if (requireReviewers) core.error(message, { title: 'governance/reviewer-missing' });
      else core.warning(message, { title: 'governance/reviewer-missing' });
    }

    const teams = [...new Set(required.domains.flatMap((d) => d.owners))].sort();
    core.setOutput('errors', n.error);
    core.setOutput('warnings', n.warning);
    core.setOutput('verdict', verdict);
    core.setOutput('domains', required.domains.map((d) => d.domain).join(' '));
    core.setOutput('required-approvers', teams.join(' '));
    core.setOutput('missing-reviewers', missing.map((m) => m.owner).join(' '));

    const link = blobLinker(pr?.headSha ?? process.env.GITHUB_SHA);
    const policyPart = findings.length === 0 ? 'Policy and SLO declarations: no findings.' : `Policy and SLO declarations: ${countsLine(findings)}.\n\n${findingsTable(findings, { maxRows: 20, ...(link ? { link } : {}) })}`;
    const approvals = pr ? approvalsMarkdown(required, review.requested, review.approvedBy) : '_Not a pull request: approvals not computed._';
    const body = [policyPart, '', approvals, ...(runUrl() ? ['', `[Workflow run](${runUrl()})`] : [])].join('\n');

    let outcome: CommentOutcome = { status: 'skipped', reason: pr ? 'comment: false' : 'not a pull request' };
    if (pr && comment) {
      outcome = access.token ? await publishSection({ id: 'governance', title: 'Governance', status: verdict, body }, { pr, ...access }) : { status: 'skipped', reason: 'no token' };
    }
    core.setOutput('comment', outcome.status);

    await writeSummary(
      [
        `## Contract governance: ${verdict === 'fail' ? ':x: failed' : verdict === 'warn' ? ':warning: passed with warnings' : ':white_check_mark: passed'}`,
        '',
        `${countsLine(findings)} from ${rules.length} policy and SLO rules in ${scope.all ? `all ${files} files` : 'the changed files'}.`,
        '',
        findingsTable(findings, { maxRows: 200, ...(link ? { link } : {}) }),
        ...(overflow.length > 0 ? ['', `${overflow.length} finding(s) are not annotated inline (GitHub shows 10 errors and 10 warnings per step).`] : []),
        '',
        '### Approvals',
        '',
        approvals,
        ...(outcome.status === 'skipped' && pr ? ['', `_PR comment not written: ${outcome.reason}._`] : []),
      ].join('\n') + '\n',
    );

    if (verdict === 'fail') core.setFailed(`contract governance: ${countsLine(findings)}${requireReviewers && missing.length ? `; ${missing.length} owner(s) not requested as reviewers` : ''}`);
  });
}
