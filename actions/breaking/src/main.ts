// actions/breaking: compares the contracts and ODPS data products of a pull request's head with its base (the merge base
// of the event's base SHA and head SHA, as "Files changed" shows them) and fails on unwaived
// breaking changes shipped without the required version bump. Reports every change, the version
// each contract needs, and the consumers (ODPS input ports) with their CODEOWNERS teams, as
// annotations, a job summary, outputs and a section of the sticky PR comment. Waivers: the
// contracts' own `meshBreakingWaivers` and the PR body's `mesh-waive:` lines.
import * as core from '@actions/core';
import { allDiffs, formatBreakingMarkdown, isProductDiff, subjectId } from '../../../src/breaking/format-report.js';
import { failsCheck } from '../../../src/breaking/report.js';
import { prWaivers } from '../../../src/breaking/waivers.js';
import { diffRefs } from '../../../src/git/diff-refs.js';
import { commitOf, resolveBase } from '../../../src/git/refs.js';
import { annotate } from '../../common/src/annotate.js';
import { publishSection, type CommentOutcome } from '../../common/src/comment.js';
import { GitError, mergeBase } from '../../common/src/git.js';
import { choice, flag, githubAccess, InputError, runAction, text } from '../../common/src/inputs.js';
import { pullRequestFromEvent } from '../../common/src/pull-request.js';
import { repoRelative, runUrl, workspace, writeSummary } from '../../common/src/workspace.js';
import { headPointer } from './head-pointer.js';
import { breakingOutputs, breakingVerdict, changeCounts, changeFindings, FAIL_ON, sectionMarkdown, type ChangeLocator } from './report.js';

/** Room for this section in the shared comment (GitHub caps a comment at 65,536 characters). */
const SECTION_MAX_CHARS = 30_000;

export async function run(): Promise<void> {
  await runAction(async () => {
    const contracts = text('contracts', 'contracts');
    const failOn = choice('fail-on', FAIL_ON, 'unbumped');
    const baseInput = core.getInput('base').trim();
    const check = flag('check', true);
    const bodyWaivers = flag('pr-body-waivers', true);
    const comment = flag('comment', true);
    const pr = pullRequestFromEvent();

    const root = workspace();
    const contractsRel = repoRelative(root, contracts);
    if (contractsRel.startsWith('..')) throw new InputError(`input "contracts" is "${contracts}": it must be inside the repository ${root}`);

    // Head: the PR's head commit; outside a pull request, the checked-out commit.
    const headSha = pr?.headSha ?? (await commitOf(root, 'HEAD'));
    if (!headSha) throw new GitError(`${root} has no commit checked out: run actions/checkout first`);
    let base: { ref: string; sha: string; how: string };
    if (baseInput) {
      const sha = await commitOf(root, baseInput);
      if (!sha) throw new InputError(`input "base" is "${baseInput}": not a commit in the checkout (use actions/checkout with fetch-depth: 0)`);
      base = { ref: baseInput, sha, how: 'given with the base input' };
    } else if (pr) {
      base = { ref: pr.baseRef, sha: mergeBase(root, pr.baseSha, pr.headSha), how: `the merge base of the pull request's base (${pr.baseSha.slice(0, 7)}) and head` };
    } else {
      base = await resolveBase(root, undefined, headSha);
    }
    const waivers = pr?.body && bodyWaivers ? prWaivers(pr.body) : [];
    core.info(`Comparing ${contractsRel}/ at ${base.ref} (${base.sha.slice(0, 7)}: ${base.how}) with ${headSha.slice(0, 7)}${waivers.length ? `; ${waivers.length} waiver(s) from the pull request body` : ''}`);

    const refs = await diffRefs(root, {
      contractsRel,
      base,
      headSha,
      headRef: headSha.slice(0, 7),
      waivers,
      today: new Date().toISOString().slice(0, 10),
      check,
    });
    try {
      const { run: result, documents, settingsProblems } = refs;
      if (refs.noContracts) throw new InputError(`input "contracts" is "${contracts}": there is no ${contractsRel}/ directory at the base nor at the head`);
      for (const p of settingsProblems) core.warning(`${p.path}: ${p.message}`, { file: p.file, title: 'breaking settings' });
      for (const p of result.problems) core.warning(`${p.message} (the file is skipped; actions/lint reports it)`, { file: p.file, startLine: p.line, startColumn: p.column, title: p.rule });

      // Changes on the head file where it has the node, else at its nearest surviving ancestor.
      const locate: ChangeLocator = (contract, at) => {
        const unreadable = contract.report.unreadable;
        if (unreadable) return { file: unreadable.file, line: unreadable.line, column: unreadable.column };
        const docs = documents.get(contract);
        if (at.newPointer && docs?.new) return { file: docs.new.file, ...docs.new.locate(at.newPointer) };
        if (at.oldPointer && docs?.new && docs.old) return { file: docs.new.file, ...docs.new.locate(headPointer(docs.old.data, docs.new.data, at.oldPointer)) };
        if (at.oldPointer && docs?.old) return { file: docs.old.file, ...docs.old.locate(at.oldPointer) };
        return undefined;
      };
      const verdict = breakingVerdict(result, failOn);
      const findings = changeFindings(result, locate);
      const { overflow } = annotate(findings, verdict === 'fail');

      const outputs = breakingOutputs(result, verdict);
      for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
      core.setOutput('base-sha', base.sha);

      let outcome: CommentOutcome = { status: 'skipped', reason: pr ? 'comment: false' : 'not a pull request' };
      if (pr && comment) {
        const access = githubAccess();
        const body = sectionMarkdown(result, { maxChars: SECTION_MAX_CHARS, ...(runUrl() ? { runUrl: runUrl() } : {}) });
        outcome = access.token ? await publishSection({ id: 'breaking', title: 'Breaking changes', status: verdict, body }, { pr, ...access }) : { status: 'skipped', reason: 'no token' };
      }
      core.setOutput('comment', outcome.status);

      const n = changeCounts(result);
      const heading = verdict === 'fail' ? ':x: failed' : verdict === 'warn' ? ':warning: passed with warnings' : ':white_check_mark: passed';
      await writeSummary(
        [
          `## Breaking changes: ${heading}`,
          '',
          formatBreakingMarkdown(result).trim(),
          ...(overflow.length > 0 ? ['', `${overflow.length} change(s) are not annotated inline (GitHub shows 10 errors and 10 warnings per step): see the report above.`] : []),
          ...(waivers.length > 0 ? ['', `${waivers.length} waiver(s) from the pull request body.`] : []),
          ...(outcome.status === 'skipped' && pr ? ['', `_PR comment not written: ${outcome.reason}._`] : []),
        ].join('\n') + '\n',
      );

      if (verdict === 'fail') {
        const culprits = allDiffs(result).filter((c) => failsCheck(c.report) || (failOn === 'breaking' && c.report.breaking));
        const name = (c: (typeof culprits)[number]) => (isProductDiff(c) ? `data product ${c.productId}` : subjectId(c));
        const each = culprits.map((c) => (failsCheck(c.report) && c.report.suggestedVersion ? `${name(c)} needs version ${c.report.suggestedVersion}` : failsCheck(c.report) ? `${name(c)}: ${c.report.versionProblem}` : `${name(c)} breaks its consumers`));
        core.setFailed(`breaking changes (${n.breaking} unwaived): ${each.join('; ')}`);
      }
    } finally {
      await refs.cleanup();
    }
  });
}
