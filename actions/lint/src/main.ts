// actions/lint: lints the mesh (ODCS conformance + every governance rule) and reports the findings
// of the files a pull request changes (or of every file, with `scope: all`) as annotations, a job
// summary and a section of the sticky PR comment.
import path from 'node:path';
import * as core from '@actions/core';
import { countBySeverity, type Finding } from '../../../src/finding.js';
import { lintCacheFile, toolFingerprint } from '../../../src/cache/lint-cache.js';
import { lintContractsDir } from '../../../src/lint-run.js';
import { countsLine, findingsTable } from '../../../src/pr/markdown.js';
import { inScope, lintScope, type LintScope } from '../../../src/pr/lint-scope.js';
import type { SectionStatus } from '../../../src/pr/comment-sections.js';
import { annotate } from '../../common/src/annotate.js';
import { publishSection, type CommentOutcome } from '../../common/src/comment.js';
import { changedFiles } from '../../common/src/git.js';
import { choice, countOrAuto, flag, githubAccess, runAction, text } from '../../common/src/inputs.js';
import { pullRequestFromEvent } from '../../common/src/pull-request.js';
import { blobLinker, repoRelative, runUrl, workspace, writeSummary } from '../../common/src/workspace.js';

export async function run(): Promise<void> {
  await runAction(async () => {
    const contracts = text('contracts', 'contracts');
    const scopeInput = choice('scope', ['changed', 'all'] as const, 'changed');
    const failOn = choice('fail-on', ['error', 'warning', 'never'] as const, 'error');
    const comment = flag('comment', true);
    const cacheInput = text('cache', '.mesh-cache');
    const workers = countOrAuto('workers', 1, 64);
    const pr = pullRequestFromEvent();

    const root = workspace();
    const contractsRel = repoRelative(root, contracts);
    const contractsDir = path.resolve(root, contracts);
    let scope: LintScope = { all: true };
    if (scopeInput === 'changed' && pr) scope = lintScope(changedFiles(root, pr.baseSha, pr.headSha), contractsRel);
    const only = (f: { file: string }) => inScope(scope, f.file, contractsRel);
    // With the cache of an earlier run (actions/cache restores it), unchanged files are not parsed or
    // checked again; cross-contract rules still run on the whole mesh, so the findings are the same.
    const cache = cacheInput === 'none' ? undefined : { file: lintCacheFile(path.resolve(root, cacheInput), root, contractsDir), tool: toolFingerprint('actions/lint') };
    const run = await lintContractsDir(contractsDir, { root, cwd: root, only, ...(cache ? { cache } : {}), ...(workers === undefined ? {} : { workers }) });
    const findings: Finding[] = run.findings;
    const files = run.result.files;
    core.info(`${files} mesh files: ${run.stats.reused} reused from the lint cache, ${run.stats.loaded} loaded and checked${run.stats.workers > 1 ? ` on ${run.stats.workers} threads` : ''}${run.stats.cacheWritten ? '; cache updated' : ''}`);

    const n = countBySeverity(findings);
    const verdict: SectionStatus = failOn !== 'never' && (n.error > 0 || (failOn === 'warning' && n.warning > 0)) ? 'fail' : n.error + n.warning > 0 ? 'warn' : 'pass';
    const { overflow } = annotate(findings, verdict === 'fail');
    const checked = scope.all ? `all ${files} files` : `${[...scope.files].length} changed file(s)${scope.domains.size ? ` and every file of ${[...scope.domains].join(', ')}` : ''}`;
    const link = blobLinker(pr?.headSha ?? process.env.GITHUB_SHA);

    core.setOutput('errors', n.error);
    core.setOutput('warnings', n.warning);
    core.setOutput('notices', n.info);
    core.setOutput('verdict', verdict);
    core.setOutput('files', files);

    let outcome: CommentOutcome = { status: 'skipped', reason: pr ? 'comment: false' : 'not a pull request' };
    const sectionBody = [
      `${countsLine(findings)} in ${checked}${'reason' in scope && scope.reason ? ` (${scope.reason})` : ''}.`,
      ...(findings.length > 0 ? ['', findingsTable(findings, { maxRows: 20, ...(link ? { link } : {}) })] : []),
      ...(runUrl() ? ['', `[Workflow run](${runUrl()})`] : []),
    ].join('\n');
    if (pr && comment) {
      const access = githubAccess();
      outcome = access.token
        ? await publishSection({ id: 'lint', title: 'Lint', status: verdict, body: sectionBody }, { pr, ...access })
        : { status: 'skipped', reason: 'no token' };
    }
    core.setOutput('comment', outcome.status);

    const summary = [
      `## Contract lint: ${verdict === 'fail' ? ':x: failed' : verdict === 'warn' ? ':warning: passed with warnings' : ':white_check_mark: passed'}`,
      '',
      `${countsLine(findings)} in ${checked}.`,
      '',
      findingsTable(findings, { maxRows: 200, ...(link ? { link } : {}) }),
      ...(overflow.length > 0 ? ['', `${overflow.length} finding(s) are not annotated inline (GitHub shows 10 errors and 10 warnings per step): see the table above.`] : []),
      ...(outcome.status === 'skipped' && pr ? ['', `_PR comment not written: ${outcome.reason}._`] : []),
    ].join('\n');
    await writeSummary(summary + '\n');

    if (verdict === 'fail') core.setFailed(`contract lint: ${countsLine(findings)}`);
  });
}
