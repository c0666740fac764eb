// `mesh slo evaluate` and `mesh slo report`: the shell around the SLO engine (src/slo) and the
// breach bot (src/github). Reading files, stdin and the environment happens here, nowhere deeper.
import type { Command } from 'commander';
import { readFile, readdir, rename, writeFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { loadMesh } from '../../load/load-mesh.js';
import { domainOf } from '../../model/mesh.js';
import { ownersOf, parseCodeowners } from '../../ownership/codeowners.js';
import { UsageError, parseFormat, type CliContext } from '../context.js';
import { evaluateSlos, unmatchedObservations } from '../../slo/evaluate.js';
import { sloFindings, type SloContract } from '../../slo/declared.js';
import { dbtSourceMapping } from '../../slo/dbt-mapping.js';
import { parseObservations } from '../../slo/parse-observations.js';
import type { Observation } from '../../slo/observations.js';
import { formatStatusText } from '../../slo/format-status.js';
import { validateSloStatusReport, type SloStatusReport } from '../../slo/status.js';
import { createGitHubClient, DEFAULT_API_URL } from '../../github/client.js';
import { reportSloStatus } from '../../github/slo-issues.js';

export function registerSlo(program: Command, ctx: CliContext): void {
  const slo = program.command('slo').description('Evaluate SLOs against observations and keep one GitHub issue per breach');

  slo
    .command('evaluate')
    .description('Evaluate every declared SLO (slaProperties) against observed measurements')
    .requiredOption('--observations <path>', 'observations: a JSON file, a directory of *.json files, or - for stdin (native, dbt sources.json or ObservabilityResults)')
    .option('--contracts <dir>', 'contracts directory', 'contracts')
    .option('--root <dir>', 'repository root (where CODEOWNERS lives); file paths in the output are relative to it', '.')
    .option('--now <time>', 'evaluate as of this ISO-8601 time (default: now)')
    .option('--margin <fraction>', 'share of the target (or of the error budget) that counts as at-risk', '0.1')
    .option('--stale-after <duration>', 'an SLO whose newest observation is older than this is unknown (e.g. P2D, 48h; "none": no limit)', DEFAULT_STALE_AFTER)
    .option('--format <format>', 'output format: text or json', 'text')
    .option('--out <file>', 'also write the JSON status report to this file (e.g. slo-status.json)')
    .option('--fail-on <status>', 'exit 1 when any SLO has this status or worse: breached, at-risk, never', 'never')
    .action(async (opts: EvaluateFlags) => {
      await evaluateCommand(opts, ctx);
    });

  slo
    .command('report')
    .description('Open, update, close or reopen one GitHub issue per breached SLO (reads GITHUB_TOKEN, GITHUB_REPOSITORY, GITHUB_API_URL)')
    .requiredOption('--status <file>', 'status report written by `mesh slo evaluate --out`')
    .option('--dry-run', 'print the planned actions; call no write endpoint', false)
    .option('--repo <owner/name>', 'repository for the issues (default: $GITHUB_REPOSITORY)')
    .option('--api-url <url>', `GitHub REST API URL (default: $GITHUB_API_URL or ${DEFAULT_API_URL})`)
    .option('--token-env <name>', 'name of the environment variable holding the token', 'GITHUB_TOKEN')
    .option('--site-url <url>', 'link to a contract page: a URL template with {contract}, {domain}, {product} (or a base URL: /contracts/{contract}.html is appended)')
    .option('--ref <ref>', 'branch or commit for links to contract files', 'HEAD')
    .option('--breach-label <name>', 'label of the bot\'s issues', 'slo-breach')
    .option('--at-risk-label <name>', 'label for an open issue whose SLO improved to at-risk', 'slo-at-risk')
    .option('--no-at-risk-label', 'do not label at-risk SLOs')
    .option('--write-interval <ms>', 'minimum time between write requests', '1000')
    .action(async (opts: ReportFlags) => {
      await reportCommand(opts, ctx);
    });
}

interface ReportFlags {
  status: string;
  dryRun: boolean;
  repo?: string;
  apiUrl?: string;
  tokenEnv: string;
  siteUrl?: string;
  ref: string;
  breachLabel: string;
  atRiskLabel: string | false;
  writeInterval: string;
}

async function reportCommand(opts: ReportFlags, ctx: CliContext): Promise<void> {
  const file = path.resolve(ctx.cwd, opts.status);
  const text = await readFile(file, 'utf8').catch(() => {
    throw new UsageError(`--status: cannot read ${opts.status} (write it with \`mesh slo evaluate --out ${opts.status}\`)`);
  });
  const report = parseJson(text, opts.status);
  const problems = validateSloStatusReport(report);
  if (problems.length > 0) throw new UsageError(`${opts.status} is not an SLO status report: ${problems.slice(0, 5).join('; ')}`);

  const repository = opts.repo ?? ctx.env.GITHUB_REPOSITORY;
  const token = ctx.env[opts.tokenEnv];
  if (!repository || !/^[\w.-]+\/[\w.-]+$/.test(repository)) {
    if (!opts.dryRun) throw new UsageError('which repository? pass --repo owner/name or set GITHUB_REPOSITORY');
  }
  if (!token && !opts.dryRun) throw new UsageError(`no token: set ${opts.tokenEnv} (in Actions: env: ${opts.tokenEnv}: \${{ secrets.GITHUB_TOKEN }})`);
  const writeInterval = Number(opts.writeInterval);
  if (!Number.isFinite(writeInterval) || writeInterval < 0) throw new UsageError(`--write-interval must be a number of milliseconds, got "${opts.writeInterval}"`);
  const [owner, repo] = (repository ?? 'owner/repo').split('/');
  const apiUrl = opts.apiUrl ?? ctx.env.GITHUB_API_URL ?? DEFAULT_API_URL;
  const serverUrl = (ctx.env.GITHUB_SERVER_URL ?? 'https://github.com').replace(/\/+$/, '');
  const siteUrl = opts.siteUrl && !/\{(contract|domain|product)\}/.test(opts.siteUrl) ? `${opts.siteUrl.replace(/\/+$/, '')}/contracts/{contract}.html` : opts.siteUrl;

  const octokit = token && repository
    ? createGitHubClient({ token, baseUrl: apiUrl, writeIntervalMs: writeInterval, log: (m) => ctx.stderr(`warning: ${m}\n`) })
    : undefined;
  const result = await reportSloStatus(octokit, report as SloStatusReport, {
    owner,
    repo,
    dryRun: opts.dryRun,
    breachLabel: opts.breachLabel,
    atRiskLabel: opts.atRiskLabel,
    ...(siteUrl ? { siteUrl } : {}),
    fileUrl: `${serverUrl}/${owner}/${repo}/blob/${encodeURIComponent(opts.ref)}/{file}`,
    log: (line) => ctx.stdout(`${line}\n`),
  });
  const counts = new Map<string, number>(['open', 'reopen', 'update', 'label', 'close', 'duplicate-closed', 'none'].map((k) => [k, 0]));
  for (const o of result.outcomes) counts.set(o.summary, (counts.get(o.summary) ?? 0) + 1);
  for (const [k, n] of counts) if (n === 0) counts.delete(k);
  const failed = result.outcomes.filter((o) => o.error).length;
  ctx.stdout(`${opts.dryRun ? 'dry run: ' : ''}${result.outcomes.length} SLOs: ${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}${failed > 0 ? `; ${failed} failed` : ''}\n`);
  for (const e of result.errors) ctx.stderr(`error: ${e}\n`);
  if (!result.ok) ctx.setExitCode(1);
}

interface EvaluateFlags {
  observations: string;
  contracts: string;
  root: string;
  now?: string;
  margin: string;
  staleAfter?: string;
  format: string;
  out?: string;
  failOn: string;
}

async function evaluateCommand(opts: EvaluateFlags, ctx: CliContext): Promise<void> {
  const format = parseFormat(opts.format, ['text', 'json'] as const);
  const failOn = parseFormat(opts.failOn, ['breached', 'at-risk', 'never'] as const);
  const margin = Number(opts.margin);
  if (!Number.isFinite(margin) || margin < 0 || margin >= 1) throw new UsageError(`--margin must be a fraction between 0 and 1, got "${opts.margin}"`);
  const now = opts.now ?? new Date().toISOString();
  if (Number.isNaN(new Date(now).getTime())) throw new UsageError(`--now must be an ISO-8601 time, got "${opts.now}"`);

  const root = path.resolve(ctx.cwd, opts.root);
  const contractsDir = path.resolve(ctx.cwd, opts.contracts);
  const { contracts, policy, warnings } = await loadContracts(contractsDir, root, ctx.cwd);
  const mapping = dbtSourceMapping(contracts, policy);
  for (const p of mapping.problems) warnings.push(`${p.file}: ${p.message}`);

  const observations: Observation[] = [];
  const documents = await readObservationDocuments(opts.observations, ctx);
  if (documents.length === 0) warnings.push(`--observations: no *.json files in ${opts.observations}: every SLO is unknown`);
  for (const doc of documents) {
    const parsed = parseObservations(doc.data, doc.source, mapping.mapping);
    if (parsed.format === 'unknown') throw new UsageError(parsed.problems.join('\n'));
    observations.push(...parsed.observations);
    warnings.push(...parsed.problems);
  }
  for (const o of unmatchedObservations(contracts, observations)) {
    warnings.push(`${o.source ?? 'observation'}: no contract "${o.contract}" declares an SLO "${o.property}": ignored`);
  }
  for (const c of contracts) for (const f of sloFindings(c)) warnings.push(`${f.file}:${f.line}:${f.column}: ${f.message} [${f.rule}]`);

  let report: SloStatusReport;
  try {
    const staleAfter = opts.staleAfter ?? DEFAULT_STALE_AFTER;
    report = evaluateSlos(contracts, observations, { now, margin, ...(staleAfter !== 'none' ? { staleAfter } : {}) });
  } catch (err) {
    if (err instanceof RangeError) throw new UsageError(err.message);
    throw err;
  }
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const problems = validateSloStatusReport(report);
  if (problems.length > 0) throw new Error(`status report does not match its schema: ${problems.join('; ')}`);
  if (opts.out) {
    const out = path.resolve(ctx.cwd, opts.out);
    const tmp = `${out}.${process.pid}.tmp`;
    await writeFile(tmp, json);
    await rename(tmp, out);
  }
  for (const w of warnings) ctx.stderr(`warning: ${w}\n`);
  ctx.stdout(format === 'json' ? json : formatStatusText(report));
  const failing = failOn === 'never' ? [] : report.results.filter((r) => r.status === 'breached' || (failOn === 'at-risk' && r.status === 'at-risk'));
  if (failing.length > 0) ctx.setExitCode(1);
}

/**
 * A week: an SLO measured by a pipeline that stopped reporting should not stay "met" for ever, while
 * weekly checks (retention, say) stay evaluable. `--stale-after none` turns the limit off.
 */
export const DEFAULT_STALE_AFTER = 'P7D';

interface ObservationDocument {
  source: string;
  data: unknown;
}

async function readObservationDocuments(input: string, ctx: CliContext): Promise<ObservationDocument[]> {
  if (input === '-') return [{ source: 'stdin', data: parseJson(await readStdin(), 'stdin') }];
  const abs = path.resolve(ctx.cwd, input);
  const info = await stat(abs).catch(() => undefined);
  if (!info) throw new UsageError(`--observations: ${input} does not exist`);
  const files = info.isDirectory()
    ? (await readdir(abs)).filter((f) => /\.json$/i.test(f)).sort().map((f) => path.join(abs, f))
    : [abs];
  const docs: ObservationDocument[] = [];
  for (const file of files) {
    const source = path.relative(ctx.cwd, file).split(path.sep).join('/');
    docs.push({ source, data: parseJson(await readFile(file, 'utf8'), source) });
  }
  return docs;
}

function parseJson(text: string, source: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`${source}: not valid JSON: ${(err as Error).message}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Loads the mesh with the shared loader (safe YAML, $refs resolved) and turns its contracts into
 * SLO contracts owned by their CODEOWNERS owners. Documents that do not load are warnings here:
 * `mesh lint` is where they fail.
 */
async function loadContracts(contractsDir: string, root: string, cwd: string): Promise<{ contracts: SloContract[]; policy?: { file: string; data: Record<string, unknown> }; warnings: string[] }> {
  if (!existsSync(contractsDir)) throw new UsageError(`contracts directory ${contractsDir} does not exist (use --contracts)`);
  const { mesh, result } = await loadMesh(contractsDir, { root, cwd });
  const warnings = result.findings.map((f) => `${f.file}:${f.line}:${f.column}: ${f.message} [${f.rule}]`);
  const codeowners = mesh.codeowners ? parseCodeowners(mesh.codeowners.text, mesh.codeowners.file) : undefined;
  const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');
  const contracts: SloContract[] = [];
  for (const doc of mesh.contracts) {
    const id = doc.data.id;
    if (typeof id !== 'string') {
      warnings.push(`${doc.file}: contract has no id: its SLOs are skipped`);
      continue;
    }
    const domain = domainOf(mesh, doc);
    const owners = codeowners ? ownersOf(codeowners, rel(doc.absPath)).owners : [];
    contracts.push({ id, data: doc.data, file: rel(doc.absPath), locate: doc.locate, ...(domain ? { domain } : {}), ...(owners.length ? { owners } : {}) });
  }
  contracts.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  return { contracts, ...(mesh.policy ? { policy: { file: rel(mesh.policy.absPath), data: mesh.policy.data } } : {}), warnings };
}
