// `mesh new domain|contract|product`: scaffolding for owners. Flags make it fully scriptable; in a
// terminal, missing values are asked for (@inquirer/prompts). Nothing is overwritten without --force,
// and every file is written whole or not at all.
import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { slug } from '../../import/contract-base.js';
import { conformNames, namingConventions } from '../../import/naming.js';
import { isRecord, type OdcsObject } from '../../import/odcs-shapes.js';
import { guessImportFormat, importerFor } from '../../import/registry.js';
import { ImportError } from '../../import/types.js';
import { CODEOWNERS_LOCATIONS, findRepoRoot } from '../../load/load-mesh.js';
import { addDomainOwner } from '../../scaffold/codeowners-insert.js';
import { contractSkeleton } from '../../scaffold/contract.js';
import { readDomainInfo } from '../../scaffold/domain-info.js';
import { domainDocument } from '../../scaffold/domain.js';
import { productSkeleton } from '../../scaffold/product.js';
import { tierOf, tierRequirement } from '../../scaffold/tier-policy.js';
import { yamlDocument } from '../../scaffold/yaml-header.js';
import { UsageError, type CliContext } from '../context.js';
import { writeNewFile } from './import.js';

const NAME = /^[a-z][a-z0-9_-]*$/;
const TEAM = /^@[A-Za-z0-9][A-Za-z0-9-]*\/[A-Za-z0-9_.-]+$/;

interface Common {
  contracts: string;
  force?: boolean;
  interactive?: boolean;
}

export function registerNew(program: Command, ctx: CliContext): void {
  const cmd = program.command('new').description('Scaffold a domain, a contract or a data product (asks for missing values in a terminal)');
  const common = (c: Command) =>
    c
      .option('--contracts <dir>', 'contracts directory', 'contracts')
      .option('--force', 'overwrite files that already exist')
      .option('--no-interactive', 'never prompt, even in a terminal (missing values are errors)');

  common(
    cmd
      .command('domain')
      .description('Create contracts/<name>/domain.yaml and give the folder to its team in CODEOWNERS')
      .argument('[name]', 'domain folder name (lower case, e.g. payments)')
      .option('--team <team>', 'owning GitHub team, e.g. @acme/payments-data')
      .option('--tier <tier>', 'default tier of the domain contracts (1, 2 or 3)')
      .option('--title <title>', 'human title (default: from the name)')
      .option('--description <text>', 'what the domain covers')
      .option('--channel <channel>', 'support channel, e.g. #payments-data or payments@acme.example')
      .option('--url <url>', 'link to the support channel'),
  ).action(async (name: string | undefined, flags: Common & { team?: string; tier?: string; title?: string; description?: string; channel?: string; url?: string }) => {
    await newDomain(name, flags, ctx);
  });

  common(
    cmd
      .command('contract')
      .description('Create contracts/<domain>/<name>.odcs.yaml: an ODCS v3.1.0 skeleton with team, support and the SLA properties the tier requires')
      .argument('[domain/name]', 'where the contract goes, e.g. sales/order_lines')
      .option('--from <file>', 'start the schema from an existing JSON Schema, Avro, SQL DDL, dbt or DCS file')
      .option('--format <format>', 'format of --from (default: guessed)')
      .option('--id <id>', 'contract id (default: <domain>-<name>)')
      .option('--tier <tier>', "tier of this contract (default: the domain's)"),
  ).action(async (target: string | undefined, flags: Common & { from?: string; format?: string; id?: string; tier?: string }) => {
    await newContract(target, flags, ctx);
  });

  common(
    cmd
      .command('product')
      .description('Create contracts/<domain>/<name>.odps.yaml: an ODPS data product with input and output ports')
      .argument('[domain/name]', 'where the product goes, e.g. marketing/customer_360')
      .option('--output <contractId...>', "contract ids the product publishes (default: the domain's contracts)")
      .option('--input <contractId...>', 'contract ids the product reads (lineage)')
      .option('--id <id>', 'product id (default: <domain>-<name>)'),
  ).action(async (target: string | undefined, flags: Common & { output?: string[]; input?: string[]; id?: string }) => {
    await newProduct(target, flags, ctx);
  });
}

// ---------------------------------------------------------------------------------------------
// Prompts only when stdin and stdout are terminals and --no-interactive was not given.

function canPrompt(ctx: CliContext, flags: Common): boolean {
  return flags.interactive !== false && ctx.isTTY && Boolean(process.stdin.isTTY);
}

async function ask(ctx: CliContext, flags: Common, flag: string, message: string, validate: (v: string) => true | string, fallback?: string): Promise<string> {
  if (!canPrompt(ctx, flags)) {
    if (fallback !== undefined) return fallback;
    throw new UsageError(`missing ${flag} (run in a terminal to be asked, or pass ${flag})`);
  }
  const { input } = await import('@inquirer/prompts');
  return input({ message, ...(fallback !== undefined ? { default: fallback } : {}), validate });
}

function check(value: string, test: (v: string) => true | string, what: string): string {
  const ok = test(value);
  if (ok !== true) throw new UsageError(`${what}: ${ok}`);
  return value;
}

const validName = (v: string): true | string => (NAME.test(v) ? true : 'use lower-case letters, digits, _ and - (starting with a letter)');
const validTeam = (v: string): true | string => (TEAM.test(v) ? true : 'use a GitHub team handle like @acme/payments-data');
const validTier = (v: string): true | string => (/^[1-9]$/.test(v) ? true : 'use a tier number such as 1, 2 or 3');

// ---------------------------------------------------------------------------------------------

interface Repo {
  root: string;
  contractsDir: string;
  /** contracts dir relative to the repository root, `/` separators. */
  contractsRel: string;
  mesh?: Record<string, unknown>;
}

async function repo(ctx: CliContext, flags: Common): Promise<Repo> {
  const root = findRepoRoot(ctx.cwd);
  const contractsDir = path.resolve(ctx.cwd, flags.contracts);
  const mesh = await readYamlFile(path.join(contractsDir, 'mesh.yaml'));
  return { root, contractsDir, contractsRel: rel(root, contractsDir), ...(mesh ? { mesh } : {}) };
}

async function newDomain(name: string | undefined, flags: Common & { team?: string; tier?: string; title?: string; description?: string; channel?: string; url?: string }, ctx: CliContext): Promise<void> {
  const r = await repo(ctx, flags);
  const domain = name !== undefined ? check(name, validName, 'domain name') : await ask(ctx, flags, '<name>', 'Domain name (folder under contracts/)', validName);
  const team = flags.team !== undefined ? check(flags.team, validTeam, '--team') : await ask(ctx, flags, '--team', 'Owning GitHub team', validTeam, canPrompt(ctx, flags) ? `@acme/${domain}-data` : undefined);
  const defaultTier = String(r.mesh?.defaultTier ?? 3);
  const tier = flags.tier !== undefined ? check(flags.tier, validTier, '--tier') : await ask(ctx, flags, '--tier', 'Default tier of its contracts', validTier, defaultTier);

  const dir = path.join(r.contractsDir, domain);
  const file = path.join(dir, 'domain.yaml');
  const fileRel = rel(r.root, file);
  if (existsSync(file) && flags.force !== true) throw new UsageError(`${fileRel} already exists: pass --force to overwrite it`);

  const codeownersPath = CODEOWNERS_LOCATIONS.map((l) => path.join(r.root, l)).find((p) => existsSync(p)) ?? path.join(r.root, 'CODEOWNERS');
  const codeownersText = existsSync(codeownersPath) ? await readFile(codeownersPath, 'utf8') : '';
  const edit = addDomainOwner(codeownersText, domain, team, r.contractsRel);
  if (edit.problem && !edit.changed) throw new UsageError(edit.problem);

  const data = domainDocument({ name: domain, team, tier: Number(tier), ...pick(flags, ['title', 'description', 'channel', 'url']) });
  await writeNewFile(file, yamlDocument('domain', fileRel, data), flags.force === true, fileRel);
  if (edit.changed) await writeNewFile(codeownersPath, edit.text, true, rel(r.root, codeownersPath));
  ctx.stdout(`wrote ${fileRel}\n`);
  ctx.stdout(edit.changed ? `added "/${r.contractsRel}/${domain}/ ${team}" to ${rel(r.root, codeownersPath)} (line ${edit.line})\n` : `${rel(r.root, codeownersPath)} already gives /${r.contractsRel}/${domain}/ to ${team}\n`);
  if (edit.problem) ctx.stderr(`warning: ${edit.problem}\n`);
  ctx.stdout(`next:\n  1. fill the TODOs in ${fileRel} (description, support url)\n  2. mesh new contract ${domain}/<name>\n  3. mesh lint ${rel(r.root, dir)}\n`);
}

async function newContract(target: string | undefined, flags: Common & { from?: string; format?: string; id?: string; tier?: string }, ctx: CliContext): Promise<void> {
  const r = await repo(ctx, flags);
  const { domain, name } = await target2(target, ctx, flags, 'Contract (domain/name, e.g. sales/order_lines)');
  const domainData = await requireDomain(r, domain);
  const info = readDomainInfo(domain, domainData);
  const tier = flags.tier !== undefined ? check(flags.tier, validTier, '--tier') : tierOf(domainData, r.mesh);
  const requirement = tierRequirement(tier, r.mesh, domainData);

  let schema: OdcsObject[] | undefined;
  if (flags.from) {
    const text = await readFile(path.resolve(ctx.cwd, flags.from), 'utf8').catch(() => {
      throw new UsageError(`cannot read --from ${flags.from}`);
    });
    const format = flags.format ?? guessImportFormat(flags.from, text);
    const importer = format ? importerFor(format) : undefined;
    if (!importer) throw new UsageError(`cannot tell the format of ${flags.from}: pass --format`);
    try {
      const imported = importer.run(text, { file: flags.from, domain, name });
      schema = conformNames(imported.contract, namingConventions(r.mesh)).contract.schema;
      for (const note of imported.notes) ctx.stderr(`note: ${flags.from}: ${note.at}: ${note.message}\n`);
    } catch (err) {
      if (err instanceof ImportError) throw new UsageError(`--from ${err.describe()}`);
      throw err;
    }
  }
  const id = flags.id ?? `${domain}-${slug(name)}`;
  const file = path.join(r.contractsDir, domain, `${name}.odcs.yaml`);
  const fileRel = rel(r.root, file);
  const contract = contractSkeleton({ id, name, domain: info, tier: requirement, ...(schema ? { schema } : {}) });
  await writeNewFile(file, yamlDocument('contract', fileRel, contract, [`Scaffolded by mesh new contract: replace every TODO, then run mesh lint.`]), flags.force === true, fileRel);
  ctx.stdout(`wrote ${fileRel} (id ${id}, tier ${tier}${requirement.requiredSla.length ? `, SLA to fill: ${requirement.requiredSla.join(', ')}` : ''})\n`);
  ctx.stdout(`next:\n  1. describe the schema and replace every TODO (lint reports the SLA placeholders until you do)\n  2. mesh lint ${fileRel}\n`);
}

async function newProduct(target: string | undefined, flags: Common & { output?: string[]; input?: string[]; id?: string }, ctx: CliContext): Promise<void> {
  const r = await repo(ctx, flags);
  const { domain, name } = await target2(target, ctx, flags, 'Data product (domain/name, e.g. marketing/customer_360)');
  await requireDomain(r, domain);
  const outputs = flags.output ?? (await contractIdsIn(path.join(r.contractsDir, domain)));
  const id = flags.id ?? `${domain}-${slug(name)}`;
  const file = path.join(r.contractsDir, domain, `${name}.odps.yaml`);
  const fileRel = rel(r.root, file);
  const product = productSkeleton({ id, name, domain, outputs, inputs: flags.input ?? [] });
  await writeNewFile(file, yamlDocument('product', fileRel, product, ['Scaffolded by mesh new product: list the contracts it reads as inputPorts (they draw the lineage).']), flags.force === true, fileRel);
  ctx.stdout(`wrote ${fileRel} (${outputs.length} output port(s), ${(flags.input ?? []).length} input port(s))\n`);
}

async function target2(target: string | undefined, ctx: CliContext, flags: Common, message: string): Promise<{ domain: string; name: string }> {
  const value = target ?? (await ask(ctx, flags, '<domain>/<name>', message, (v) => (/^[^/]+\/[^/]+$/.test(v) ? true : 'write it as domain/name')));
  const m = /^([^/]+)\/([^/]+)$/.exec(value);
  if (!m) throw new UsageError(`"${value}" is not <domain>/<name> (e.g. sales/order_lines)`);
  check(m[1], validName, 'domain');
  if (!/^[a-z][a-z0-9_]*$/.test(m[2])) throw new UsageError(`name "${m[2]}": use snake_case (lower-case letters, digits and _), the mesh naming convention`);
  return { domain: m[1], name: m[2] };
}

async function requireDomain(r: Repo, domain: string): Promise<Record<string, unknown>> {
  const file = path.join(r.contractsDir, domain, 'domain.yaml');
  const data = await readYamlFile(file);
  if (!data) throw new UsageError(`domain "${domain}" has no ${rel(r.root, file)}: create it first with \`mesh new domain ${domain} --team @org/team\``);
  return data;
}

async function contractIdsIn(dir: string): Promise<string[]> {
  const files = (await readdir(dir).catch(() => [] as string[])).filter((f) => /\.odcs\.ya?ml$/.test(f)).sort();
  const ids: string[] = [];
  for (const f of files) {
    const data = await readYamlFile(path.join(dir, f));
    if (typeof data?.id === 'string') ids.push(data.id);
  }
  return ids;
}

async function readYamlFile(file: string): Promise<Record<string, unknown> | undefined> {
  if (!existsSync(file)) return undefined;
  try {
    const data: unknown = parseYaml(await readFile(file, 'utf8'));
    return isRecord(data) ? data : undefined;
  } catch (err) {
    throw new UsageError(`${file}: cannot be parsed: ${(err as Error).message.split('\n')[0]}`);
  }
}

function rel(root: string, abs: string): string {
  return path.relative(root, abs).split(path.sep).join('/');
}

function pick<T extends object, K extends keyof T>(obj: T, keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const k of keys) if (obj[k] !== undefined) out[k] = obj[k];
  return out;
}
