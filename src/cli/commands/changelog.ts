// `mesh changelog <contract id or path>`: every version of a contract from git history, with date,
// author and commit, and the breaking-change report between consecutive versions.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { buildChangelog, diffOptionsFor, formatChangelogMarkdown, formatChangelogText, publicChangelog, type Revision } from '../../changelog.js';
import { loadRevisions } from '../../git/contract-revisions.js';
import { gitRoot, readContractHistory } from '../../git/file-history.js';
import { findRepoRoot, loadMesh } from '../../load/load-mesh.js';
import type { LoadedDocument } from '../../model/document.js';
import { parseFormat, UsageError, type CliContext } from '../context.js';

const FORMATS = ['text', 'json', 'markdown'] as const;

interface ChangelogFlags {
  contracts: string;
  format: string;
}

export function registerChangelog(program: Command, ctx: CliContext): void {
  program
    .command('changelog')
    .description('List every version of a contract from git history (date, author, commit) with the breaking-change report between consecutive versions.')
    .argument('<contract>', 'the contract id (e.g. sales-orders) or its file (contracts/sales/orders.odcs.yaml)')
    .option('-c, --contracts <dir>', 'the contracts directory (where the id is looked up and moves are followed)', 'contracts')
    .option('-f, --format <format>', `output format: ${FORMATS.join(', ')}`, 'text')
    .addHelpText('after', '\nA contract moved to another file keeps its history (followed by its id). Uncommitted edits show as a version "not committed yet".\nExit codes: 0 listed, 2 usage error (unknown contract, not a git repository).\nJSON shape: docs/changelog.md')
    .action(async (arg: string, flags: ChangelogFlags) => {
      const format = parseFormat(flags.format, FORMATS);
      const contractsAbs = path.resolve(ctx.cwd, flags.contracts);
      if (!existsSync(contractsAbs) || !statSync(contractsAbs).isDirectory()) throw new UsageError(`the contracts folder ${flags.contracts} does not exist (use --contracts)`);
      const root = await gitRoot(contractsAbs);
      if (!root) throw new UsageError(`${flags.contracts} is not inside a git repository: mesh changelog reads versions from git history`);
      const { mesh } = await loadMesh(contractsAbs, { root: findRepoRoot(contractsAbs), cwd: ctx.cwd });
      const rel = (abs: string) => path.relative(root, abs).split(path.sep).join('/');

      // The argument is a file when one exists there, else a contract id.
      const fileAbs = path.resolve(ctx.cwd, arg);
      let doc: LoadedDocument | undefined;
      let id: string | undefined;
      if (existsSync(fileAbs) && statSync(fileAbs).isFile()) {
        doc = mesh.contracts.find((c) => c.absPath === fileAbs);
        if (!doc) throw new UsageError(`${arg} is not a contract of ${flags.contracts} (an *.odcs.yaml file that loads)`);
        id = typeof doc.data.id === 'string' ? doc.data.id : undefined;
      } else {
        const matches = mesh.contracts.filter((c) => c.data.id === arg);
        if (matches.length > 1) ctx.stderr(`mesh changelog: ${matches.length} contracts have the id ${arg}; listing ${matches[0].file}\n`);
        doc = matches[0];
        id = arg;
      }
      const currentRel = doc ? rel(doc.absPath) : undefined;
      const history: Revision[] = await readContractHistory(root, { path: currentRel, id, dirRel: rel(contractsAbs) });
      if (doc && currentRel) {
        const text = readFileSync(doc.absPath, 'utf8');
        const last = history[history.length - 1];
        if (!last || last.text !== text || last.path !== currentRel) history.push({ path: currentRel, text });
      }
      if (history.length === 0) throw new UsageError(`no contract with the id or file ${JSON.stringify(arg)} in ${flags.contracts} or its git history`);

      const revisions = await loadRevisions(history, { root, cwd: ctx.cwd, contractsRel: rel(contractsAbs) });
      const changelog = buildChangelog({ id, path: currentRel ?? history[history.length - 1].path }, revisions, diffOptionsFor(mesh, doc, new Date().toISOString().slice(0, 10)));
      if (format === 'json') ctx.stdout(JSON.stringify(publicChangelog(changelog), null, 2) + '\n');
      else if (format === 'markdown') ctx.stdout(formatChangelogMarkdown(changelog));
      else ctx.stdout(formatChangelogText(changelog));
      ctx.setExitCode(0);
    });
}
