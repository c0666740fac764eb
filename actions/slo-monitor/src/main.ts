// actions/slo-monitor: the scheduled SLO bot as an action. Runs the same code as
// `mesh slo evaluate --out <file>` and `mesh slo report` (src/cli/commands/slo.ts, registered on
// an in-process program, so flags, checks and messages are identical), then publishes the counts
// as outputs and the status table as the job summary.
import * as core from '@actions/core';
import { Command, CommanderError } from 'commander';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { UsageError, type CliContext } from '../../../src/cli/context.js';
import { registerSlo } from '../../../src/cli/commands/slo.js';
import { escapeCell, table } from '../../../src/pr/markdown.js';
import { SLO_STATUSES, type SloStatusReport } from '../../../src/slo/status.js';
import { choice, flag, githubAccess, runAction, text } from '../../common/src/inputs.js';
import { workspace, writeSummary } from '../../common/src/workspace.js';

async function mesh(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  let code: 0 | 1 | 2 = 0;
  const ctx: CliContext = {
    cwd: workspace(),
    stdout: (s) => void process.stdout.write(s),
    stderr: (s) => void process.stdout.write(s.replace(/^warning: /gm, '')),
    isTTY: false,
    env,
    setExitCode: (c) => void (code = Math.max(code, c) as 0 | 1 | 2),
  };
  const program = new Command('mesh').exitOverride().configureOutput({ writeOut: ctx.stdout, writeErr: ctx.stderr });
  registerSlo(program, ctx);
  for (const c of program.commands) {
    c.exitOverride();
    for (const sub of c.commands) sub.exitOverride();
  }
  try {
    await program.parseAsync(['node', 'mesh', ...args]);
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    if (error instanceof UsageError) throw new Error(`mesh ${args.slice(0, 2).join(' ')}: ${error.message}`);
    throw error;
  }
  return code;
}

export async function run(): Promise<void> {
  await runAction(async () => {
    const contracts = text('contracts', 'contracts');
    const observations = text('observations', 'observations');
    const out = text('status-file', 'slo-status.json');
    const staleAfter = core.getInput('stale-after').trim();
    const margin = text('margin', '0.1');
    const now = core.getInput('now').trim();
    const failOn = choice('fail-on', ['breached', 'at-risk', 'never'] as const, 'never');
    const report = flag('report', true);
    const dryRun = flag('dry-run', false);
    const siteUrl = core.getInput('site-url').trim();
    const breachLabel = text('breach-label', 'slo-breach');
    const access = githubAccess();

    core.startGroup('mesh slo evaluate');
    const evaluated = await mesh(
      ['slo', 'evaluate', '--contracts', contracts, '--observations', observations, '--margin', margin, '--out', out, '--fail-on', failOn, ...(now ? ['--now', now] : []), ...(staleAfter ? ['--stale-after', staleAfter] : [])],
      process.env,
    );
    core.endGroup();
    if (evaluated === 2) throw new Error('mesh slo evaluate failed: see the log above');

    const status = JSON.parse(await readFile(path.resolve(workspace(), out), 'utf8')) as SloStatusReport;
    const counts = Object.fromEntries(SLO_STATUSES.map((s) => [s, status.results.filter((r) => r.status === s).length])) as Record<string, number>;
    core.setOutput('status-file', out);
    for (const s of SLO_STATUSES) core.setOutput(s, counts[s]);

    let reported = 0;
    if (report) {
      if (!access.token && !dryRun) throw new Error('no token: set the "token" input (default: the workflow token), with issues: write');
      core.startGroup(`mesh slo report${dryRun ? ' --dry-run' : ''}`);
      reported = await mesh(
        ['slo', 'report', '--status', out, '--ref', process.env.GITHUB_SHA || 'HEAD', '--breach-label', breachLabel, ...(siteUrl ? ['--site-url', siteUrl] : []), ...(dryRun ? ['--dry-run'] : [])],
        { ...process.env, GITHUB_TOKEN: access.token, GITHUB_API_URL: access.apiUrl },
      );
      core.endGroup();
    }

    const rows = status.results
      .filter((r) => r.status !== 'met')
      .map((r) => [`\`${escapeCell(r.contract)}\``, escapeCell(r.property), r.status, escapeCell(r.message)]);
    await writeSummary(
      [
        `## SLO status: ${counts.breached} breached, ${counts['at-risk']} at risk, ${counts.met} met, ${counts.unknown} unknown`,
        '',
        rows.length > 0 ? table(['contract', 'SLO', 'status', 'detail'], rows) : 'Every evaluated SLO is met.',
        '',
        report ? (reported === 0 ? 'Issues are up to date (one per breached SLO).' : ':warning: Some issues could not be updated: see the log.') : '_Issues not reported (report: false)._',
      ].join('\n') + '\n',
    );
    if (evaluated === 1) core.setFailed(`SLOs ${failOn === 'at-risk' ? 'at risk or breached' : 'breached'}: ${counts.breached + (failOn === 'at-risk' ? counts['at-risk'] : 0)}`);
    else if (reported !== 0) core.setFailed('mesh slo report could not update every issue');
  });
}
