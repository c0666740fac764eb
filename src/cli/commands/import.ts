// `mesh import`: an existing schema (JSON Schema, Avro, PostgreSQL DDL, dbt, Data Contract
// Specification) → a new ODCS contract. The shell reads the source and the domain's domain.yaml,
// the importers in src/import do the work, and the file is written only if it does not exist yet.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { slug } from '../../import/contract-base.js';
import { conformNames, namingConventions } from '../../import/naming.js';
import { isRecord } from '../../import/odcs-shapes.js';
import { guessImportFormat, importerFor, IMPORT_FORMATS } from '../../import/registry.js';
import { ImportError } from '../../import/types.js';
import { findRepoRoot } from '../../load/load-mesh.js';
import { readDomainInfo, withDomainOwnership, type DomainInfo } from '../../scaffold/domain-info.js';
import { yamlDocument } from '../../scaffold/yaml-header.js';
import { UsageError, type CliContext } from '../context.js';

interface ImportFlags {
  format?: string;
  domain?: string;
  id?: string;
  name?: string;
  version?: string;
  model?: string[];
  out?: string;
  force?: boolean;
  contracts: string;
}

export function registerImport(program: Command, ctx: CliContext): void {
  program
    .command('import')
    .description('Create an ODCS contract from an existing schema: JSON Schema, Avro (.avsc), PostgreSQL DDL, dbt manifest.json/schema.yml, Data Contract Specification YAML')
    .argument('<source>', 'the file to import (- for stdin)')
    .option('--format <format>', `source format: ${IMPORT_FORMATS.join(', ')} (default: guessed from the file name and content)`)
    .option('--domain <domain>', 'domain of the new contract: sets `domain`, the id prefix, team and support from contracts/<domain>/domain.yaml, and the default output path')
    .option('--id <id>', 'contract id (default: <domain>-<name>)')
    .option('--name <name>', 'contract name (default: from the source)')
    .option('--version <version>', 'contract version (default: the source version, else 0.1.0)')
    .option('--model <name...>', 'dbt: import only these models')
    .option('--out <file>', 'where to write the contract; - for stdout (default: contracts/<domain>/<name>.odcs.yaml with --domain, stdout without)')
    .option('--force', 'overwrite the output file if it exists')
    .option('--contracts <dir>', 'contracts directory (where domains live)', 'contracts')
    .addHelpText('after', '\nExamples:\n  mesh import --format avro schemas/payment.avsc --domain finance\n  mesh import target/manifest.json --format dbt --model orders --domain sales\n  mesh import ddl/shipments.sql --out - | less\n')
    .action(async (source: string, flags: ImportFlags) => {
      await importCommand(source, flags, ctx);
    });
}

async function importCommand(source: string, flags: ImportFlags, ctx: CliContext): Promise<void> {
  const text = source === '-' ? await readStdin() : await readSource(path.resolve(ctx.cwd, source), source);
  const format = flags.format ?? guessImportFormat(source, text);
  if (!format) throw new UsageError(`cannot tell the format of ${source}: pass --format (one of ${IMPORT_FORMATS.join(', ')})`);
  const importer = importerFor(format);
  if (!importer) throw new UsageError(`unknown format "${format}": use one of ${IMPORT_FORMATS.join(', ')}`);
  if (flags.domain !== undefined && !/^[a-z0-9][a-z0-9_-]*$/.test(flags.domain)) throw new UsageError(`--domain must be a folder name of lower-case letters, digits, - and _ (got "${flags.domain}")`);

  const root = findRepoRoot(ctx.cwd);
  const contractsDir = path.resolve(ctx.cwd, flags.contracts);
  const domain = flags.domain ? await loadDomain(contractsDir, flags.domain) : undefined;

  let result;
  try {
    result = importer.run(text, {
      file: source === '-' ? 'stdin' : source,
      ...(flags.domain ? { domain: flags.domain } : {}),
      ...(flags.id ? { id: flags.id } : {}),
      ...(flags.name ? { name: flags.name } : {}),
      ...(flags.version ? { version: flags.version } : {}),
      ...(flags.model ? { models: flags.model } : {}),
    });
  } catch (err) {
    if (err instanceof ImportError) {
      ctx.stderr(`${err.describe()} [import/${format}]\n`);
      ctx.setExitCode(1);
      return;
    }
    throw err;
  }
  const meshFile = path.join(contractsDir, 'mesh.yaml');
  const mesh = existsSync(meshFile) ? (parseYamlSafe(await readFile(meshFile, 'utf8')) ?? undefined) : undefined;
  const conformed = conformNames(result.contract, namingConventions(mesh));
  for (const r of conformed.renamed) ctx.stderr(`note: ${r.path}: "${r.from}" renamed "${r.to}" (mesh naming convention); the source name is kept as physicalName\n`);
  let contract = conformed.contract as Record<string, unknown>;
  if (domain) {
    if (contract.team !== undefined && domain.team) ctx.stderr(`note: team "${JSON.stringify(contract.team)}" from the source replaced by the domain's team ${domain.team}\n`);
    if (domain.team) delete contract.team;
    contract = withDomainOwnership(contract, domain);
  }

  const outRel = flags.out ?? (flags.domain ? path.relative(ctx.cwd, path.join(contractsDir, flags.domain, `${fileStem(String(contract.id), flags.domain)}.odcs.yaml`)) : '-');
  const absOut = outRel === '-' ? undefined : path.resolve(ctx.cwd, outRel);
  const repoRel = absOut ? path.relative(root, absOut).split(path.sep).join('/') : 'contracts/x/x.odcs.yaml';
  const yaml = yamlDocument('contract', repoRel, contract, [`Imported from ${source === '-' ? 'stdin' : path.basename(source)} (${format}) by mesh import: review, then fill what lint asks for.`]);

  if (absOut && existsSync(absOut) && flags.force !== true) throw new UsageError(`${outRel} already exists: pass --force to overwrite it`);
  for (const note of result.notes) ctx.stderr(`note: ${source}: ${note.at}: ${note.message}\n`);
  if (!absOut) {
    ctx.stdout(yaml);
    return;
  }
  await writeNewFile(absOut, yaml, flags.force === true, outRel);
  ctx.stdout(`wrote ${outRel} (${(result.contract.schema ?? []).length} object(s), ${result.notes.length} note(s))\n`);
  ctx.stdout(`next: fill description.purpose, slaProperties and anything else \`mesh lint ${outRel}\` reports\n`);
}

/** `finance-payment` in domain finance → `payment` (the file name inside the domain folder). */
function fileStem(id: string, domain: string): string {
  const s = slug(id);
  return s.startsWith(`${domain}-`) ? s.slice(domain.length + 1) : s || 'contract';
}

async function loadDomain(contractsDir: string, domain: string): Promise<DomainInfo> {
  const file = path.join(contractsDir, domain, 'domain.yaml');
  if (!existsSync(file)) return readDomainInfo(domain, undefined);
  let data: unknown;
  try {
    data = parseYaml(await readFile(file, 'utf8'));
  } catch (err) {
    throw new UsageError(`${path.relative(process.cwd(), file)}: cannot be parsed: ${(err as Error).message.split('\n')[0]}`);
  }
  return readDomainInfo(domain, isRecord(data) ? data : undefined);
}

function parseYamlSafe(text: string): Record<string, unknown> | undefined {
  try {
    const data: unknown = parseYaml(text);
    return isRecord(data) ? data : undefined;
  } catch {
    return undefined;
  }
}

async function readSource(abs: string, shown: string): Promise<string> {
  try {
    return await readFile(abs, 'utf8');
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new UsageError(`cannot read ${shown}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a directory' : (err as Error).message}`);
  }
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Writes a file that must not exist yet (unless `force`): whole or not at all (temp file + rename). */
export async function writeNewFile(abs: string, content: string, force: boolean, shown: string): Promise<void> {
  if (existsSync(abs) && !force) throw new UsageError(`${shown} already exists: pass --force to overwrite it`);
  await mkdir(path.dirname(abs), { recursive: true });
  const tmp = `${abs}.${process.pid}.tmp`;
  await writeFile(tmp, content);
  await rename(tmp, abs);
}
