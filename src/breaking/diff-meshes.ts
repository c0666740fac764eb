// Two loaded meshes (base and head) → one BreakingRun: contracts matched by `id` across renames and
// moves (by path through git's rename detection for contracts without an id), added and deleted
// contracts, severity settings from the head's mesh.yaml and domain.yaml, and the consumers of each
// changed contract from the head's ODPS input ports with the CODEOWNERS of their domains.
// Pure: the shell loads both trees (src/git, src/load) and hands them over.
import path from 'node:path';
import type { LoadedDocument } from '../model/document.js';
import type { Mesh } from '../model/mesh.js';
import { ownersOf, parseCodeowners, type Codeowners } from '../ownership/codeowners.js';
import { diffContractsChecked } from './confirm.js';
import { diffContracts, type DiffOptions } from './diff-contracts.js';
import type { AnyDiff, BreakingRun, ContractDiff, ProductDiff } from './format-report.js';
import { deepEqual, isObj, str } from './nodes.js';
import { publishedContracts } from './ports.js';
import { diffProducts } from './products.js';
import type { Consumer, DiffReport, Waiver } from './report.js';
import { breakingConfig, type BreakingConfig } from './settings.js';

export interface MeshDiffOptions {
  /** Waivers from the pull request body. */
  waivers?: readonly Waiver[];
  today?: string;
  /** Run the json-schema-diff cross-check (default true). */
  check?: boolean;
  /** Repository-relative old path → new path of renamed files (git rename detection). */
  renames?: ReadonlyMap<string, string>;
  /**
   * Contract files of the change that exist at the head but cannot be loaded (repository path →
   * the first error): each is reported as unreadable (`breaking/contract-unreadable`, failing the
   * check), paired with its base version by path (following renames), never as a deletion.
   */
  unreadable?: ReadonlyMap<string, UnreadableFile>;
  /**
   * Product files of the change that exist at the head but cannot be loaded (repository path → the
   * first error): each is reported as unreadable (`breaking/product-unreadable`, failing the check),
   * paired with its base version by path (following renames), never as a deleted product.
   */
  unreadableProducts?: ReadonlyMap<string, UnreadableFile>;
  /** Identical contracts the caller did not load (an incremental run): added to `unchanged`. */
  unchangedElsewhere?: number;
}

/** Where and why a head contract file cannot be loaded. */
export interface UnreadableFile {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
}

export const UNREADABLE_RULE = 'breaking/contract-unreadable';
export const PRODUCT_UNREADABLE_RULE = 'breaking/product-unreadable';

/** The report of a contract (or data product) whose head file cannot be read: one breaking change, and a version error (nothing can be checked). */
export function unreadableReport(oldData: Record<string, unknown> | undefined, problem: UnreadableFile, consumers: readonly Consumer[], subject: 'contract' | 'data product' = 'contract'): DiffReport {
  const oldVersion = oldData?.version === undefined || oldData.version === null ? '' : String(oldData.version);
  const report: DiffReport = {
    breaking: true,
    requiredBump: 'none',
    oldVersion,
    newVersion: '',
    versionOk: false,
    suggestedVersion: '',
    versionStatus: 'invalid',
    versionProblem: 'the new version of the file cannot be read, so neither its changes nor its version can be checked: fix the file',
    changes: [
      {
        rule: subject === 'contract' ? UNREADABLE_RULE : PRODUCT_UNREADABLE_RULE,
        severity: 'breaking',
        path: subject === 'contract' ? '(contract)' : '(product)',
        message: `${problem.file} cannot be read (${problem.rule}, line ${problem.line}): ${problem.message} — consumers would get no usable ${subject}`,
      },
    ],
    counts: { breaking: 1, dangerous: 0, info: 0, waived: 0 },
    unreadable: problem,
  };
  const id = str(oldData?.id);
  if (id && subject === 'contract') report.contractId = id;
  if (id && subject === 'data product') report.productId = id;
  if (consumers.length > 0) report.consumers = [...consumers];
  return report;
}

export interface MeshDiffResult {
  run: BreakingRun;
  /** Documents behind each contract diff, to locate changes in the YAML. */
  documents: Map<AnyDiff, { old?: LoadedDocument; new?: LoadedDocument }>;
  /** Problems in the breaking settings of mesh.yaml / domain.yaml. */
  settingsProblems: BreakingConfig['problems'];
}

function repoPath(mesh: Mesh, doc: LoadedDocument): string {
  return path.relative(mesh.root, doc.absPath).split(path.sep).join('/');
}

function domainFolder(mesh: Mesh, doc: LoadedDocument): string | undefined {
  const rel = path.relative(mesh.contractsDir, doc.absPath).split(path.sep);
  return rel.length >= 2 && !rel[0].startsWith('_') ? rel[0] : undefined;
}

/** Domain folder of a repository-relative path under the mesh's contracts directory. */
function domainOfPath(mesh: Mesh, repoRel: string): string | undefined {
  const rel = path.relative(mesh.contractsDir, path.join(mesh.root, repoRel)).split(path.sep);
  return rel.length >= 2 && !rel[0].startsWith('_') && rel[0] !== '..' ? rel[0] : undefined;
}

/**
 * Documents by `id` when the id is unique on its side; the holders of a duplicated id (lint reports
 * it) and documents without one are matched by path. Not "the first holder wins": which holder is
 * first depends on which files were loaded, and incremental and full runs must pair alike.
 */
function documentsById(docs: readonly LoadedDocument[]): { byId: Map<string, LoadedDocument>; withoutId: LoadedDocument[] } {
  const count = new Map<string, number>();
  for (const doc of docs) {
    const id = str(doc.data.id);
    if (id) count.set(id, (count.get(id) ?? 0) + 1);
  }
  const byId = new Map<string, LoadedDocument>();
  const withoutId: LoadedDocument[] = [];
  for (const doc of docs) {
    const id = str(doc.data.id);
    if (id && count.get(id) === 1) byId.set(id, doc);
    else withoutId.push(doc);
  }
  return { byId, withoutId };
}

interface DocumentSide {
  byId: Map<string, LoadedDocument>;
  withoutId: LoadedDocument[];
}

interface DocumentPair {
  old?: LoadedDocument;
  new?: LoadedDocument;
  unreadable?: UnreadableFile;
}

/**
 * Pairs the documents (contracts or products) of both sides: by `id`, else by path across git
 * renames. A base document without a head partner whose head file (same path, or renamed) cannot
 * be loaded is paired with that problem; unreadable head files left over stand alone.
 */
function pairDocuments(base: Mesh, head: Mesh, oldSide: DocumentSide, newSide: DocumentSide, renames: ReadonlyMap<string, string> | undefined, unreadable: ReadonlyMap<string, UnreadableFile>): DocumentPair[] {
  const pairs: DocumentPair[] = [];
  const paired = new Set<string>();
  const orphan = (doc: LoadedDocument): DocumentPair => {
    const p = repoPath(base, doc);
    const target = renames?.get(p) ?? p;
    const problem = unreadable.get(target);
    if (!problem || paired.has(target)) return { old: doc };
    paired.add(target);
    return { old: doc, unreadable: problem };
  };
  for (const [id, doc] of oldSide.byId) {
    const partner = newSide.byId.get(id);
    pairs.push(partner ? { old: doc, new: partner } : orphan(doc));
  }
  for (const [id, doc] of newSide.byId) if (!oldSide.byId.has(id)) pairs.push({ new: doc });
  const newByPath = new Map(newSide.withoutId.map((d) => [repoPath(head, d), d]));
  for (const doc of oldSide.withoutId) {
    const p = repoPath(base, doc);
    const target = newByPath.get(renames?.get(p) ?? p);
    if (target) newByPath.delete(repoPath(head, target));
    pairs.push(target ? { old: doc, new: target } : orphan(doc));
  }
  for (const doc of newByPath.values()) pairs.push({ new: doc });
  for (const [p, problem] of unreadable) if (!paired.has(p)) pairs.push({ unreadable: problem });
  return pairs;
}

/** contractId → products reading it (ODPS inputPorts[].contractId) in `mesh`. */
export function consumersByContract(mesh: Mesh): Map<string, Consumer[]> {
  let codeowners: Codeowners | undefined;
  if (mesh.codeowners) codeowners = parseCodeowners(mesh.codeowners.text, mesh.codeowners.file);
  const out = new Map<string, Consumer[]>();
  for (const product of mesh.products) {
    const ports = product.data.inputPorts;
    if (!Array.isArray(ports)) continue;
    const domain = domainFolder(mesh, product);
    const file = repoPath(mesh, product);
    const owners = codeowners ? ownersOf(codeowners, domain ? `${path.relative(mesh.root, mesh.contractsDir).split(path.sep).join('/')}/${domain}/` : file).owners : [];
    for (const port of ports) {
      if (!isObj(port)) continue;
      const contractId = str(port.contractId);
      if (!contractId) continue;
      const consumer: Consumer = { product: str(product.data.id) ?? file, owners: [...owners] };
      const name = str(product.data.name);
      if (name) consumer.productName = name;
      if (domain) consumer.domain = domain;
      consumer.file = file;
      const portName = str(port.name);
      if (portName) consumer.port = portName;
      const version = str(port.version);
      if (version) consumer.version = version;
      const list = out.get(contractId) ?? [];
      list.push(consumer);
      out.set(contractId, list);
    }
  }
  return out;
}

export async function diffMeshes(base: Mesh, head: Mesh, options: MeshDiffOptions = {}): Promise<MeshDiffResult> {
  const policy = head.policy ? { file: repoPath(head, head.policy), data: head.policy.data } : undefined;
  const settingsProblems: BreakingConfig['problems'] = [];
  const configCache = new Map<string | undefined, BreakingConfig>();
  const configFor = (domain: string | undefined): BreakingConfig => {
    let config = configCache.get(domain);
    if (!config) {
      const domainDoc = domain ? head.domains.get(domain) : undefined;
      config = breakingConfig(policy, domainDoc ? { file: repoPath(head, domainDoc), data: domainDoc.data } : undefined);
      for (const p of config.problems) if (!settingsProblems.some((q) => q.file === p.file && q.path === p.path)) settingsProblems.push(p);
      configCache.set(domain, config);
    }
    return config;
  };

  const oldSide = documentsById(base.contracts);
  const newSide = documentsById(head.contracts);
  const consumers = consumersByContract(head);
  const unreadable = options.unreadable ?? new Map<string, UnreadableFile>();
  const pairs = pairDocuments(base, head, oldSide, newSide, options.renames, unreadable);

  const run: BreakingRun = { contracts: [], unchanged: options.unchangedElsewhere ?? 0, problems: [] };
  const documents: MeshDiffResult['documents'] = new Map();
  for (const pair of pairs) {
    if (pair.old && pair.new && deepEqual(pair.old.data, pair.new.data)) {
      run.unchanged++;
      continue;
    }
    if (pair.unreadable) {
      const problem = pair.unreadable;
      const domain = domainOfPath(head, problem.file) ?? (pair.old ? domainFolder(base, pair.old) : undefined);
      const id = str(pair.old?.data.id) ?? problem.file;
      const contract: ContractDiff = { contractId: id, report: unreadableReport(pair.old?.data, problem, consumers.get(id) ?? []), newFile: problem.file };
      if (pair.old) contract.oldFile = repoPath(base, pair.old);
      if (domain) contract.domain = domain;
      run.contracts.push(contract);
      documents.set(contract, { ...(pair.old ? { old: pair.old } : {}) });
      continue;
    }
    const domain = pair.new ? domainFolder(head, pair.new) : pair.old ? domainFolder(base, pair.old) : undefined;
    const config = configFor(domain);
    const id = str(pair.new?.data.id) ?? str(pair.old?.data.id) ?? (pair.new ? repoPath(head, pair.new) : repoPath(base, pair.old!));
    const diffOptions: DiffOptions = {
      overrides: config.overrides,
      settings: config.settings,
      waivers: options.waivers,
      today: options.today,
      domain,
      consumers: consumers.get(id) ?? [],
    };
    const report = options.check === false ? diffContracts(pair.old?.data, pair.new?.data, diffOptions) : await diffContractsChecked(pair.old?.data, pair.new?.data, diffOptions);
    const contract: ContractDiff = { contractId: id, report };
    if (pair.old) contract.oldFile = repoPath(base, pair.old);
    if (pair.new) contract.newFile = repoPath(head, pair.new);
    if (domain) contract.domain = domain;
    run.contracts.push(contract);
    documents.set(contract, pair);
  }
  run.contracts.sort((a, b) => Number(b.report.breaking) - Number(a.report.breaking) || a.contractId.localeCompare(b.contractId));

  run.products = diffProductSides(base, head, options, consumers, configFor, documents);
  return { run, documents, settingsProblems };
}

/**
 * The data products (ODPS) of both sides: paired by `id`, else by path across git renames; identical
 * ones skipped. Consumers of what a product publishes come from the other products of the head.
 */
function diffProductSides(
  base: Mesh,
  head: Mesh,
  options: MeshDiffOptions,
  consumers: ReadonlyMap<string, Consumer[]>,
  configFor: (domain: string | undefined) => BreakingConfig,
  documents: MeshDiffResult['documents'],
): ProductDiff[] {
  const oldSide = documentsById(base.products);
  const newSide = documentsById(head.products);
  const pairs = pairDocuments(base, head, oldSide, newSide, options.renames, options.unreadableProducts ?? new Map<string, UnreadableFile>());

  // Who publishes each contract at the head (output ports), by product file.
  const publishers = new Map<string, Set<string>>();
  for (const doc of head.products) {
    for (const id of publishedContracts(doc.data)) {
      const set = publishers.get(id) ?? new Set<string>();
      set.add(repoPath(head, doc));
      publishers.set(id, set);
    }
  }

  const out: ProductDiff[] = [];
  for (const pair of pairs) {
    if (pair.unreadable) {
      const problem = pair.unreadable;
      const selfId = str(pair.old?.data.id);
      const readers = (selfId ? publishedContracts(pair.old?.data) : []).flatMap((contractId) => (consumers.get(contractId) ?? []).map((x) => ({ ...x, contractId })));
      const product: ProductDiff = { productId: selfId ?? problem.file, report: unreadableReport(pair.old?.data, problem, readers, 'data product'), newFile: problem.file };
      if (pair.old) product.oldFile = repoPath(base, pair.old);
      const domain = domainOfPath(head, problem.file) ?? (pair.old ? domainFolder(base, pair.old) : undefined);
      if (domain) product.domain = domain;
      out.push(product);
      documents.set(product, { ...(pair.old ? { old: pair.old } : {}) });
      continue;
    }
    if (pair.old && pair.new && deepEqual(pair.old.data, pair.new.data)) continue;
    const doc = pair.new ?? pair.old!;
    const mesh = pair.new ? head : base;
    const self = pair.new ? repoPath(head, pair.new) : undefined;
    const selfId = str(doc.data.id);
    const domain = domainFolder(mesh, doc);
    const config = configFor(domain);
    const report = diffProducts(pair.old?.data, pair.new?.data, {
      overrides: config.overrides,
      waivers: options.waivers,
      today: options.today,
      domain,
      consumersOf: (contractId) => (consumers.get(contractId) ?? []).filter((c) => c.file !== self && (selfId === undefined || c.product !== selfId)),
      publishedElsewhere: (contractId) => [...(publishers.get(contractId) ?? [])].some((file) => file !== self),
    });
    const product: ProductDiff = { productId: selfId ?? repoPath(mesh, doc), report };
    if (pair.old) product.oldFile = repoPath(base, pair.old);
    if (pair.new) product.newFile = repoPath(head, pair.new);
    if (domain) product.domain = domain;
    if (report.changes.length === 0 && pair.old && pair.new && report.versionOk) continue;
    out.push(product);
    documents.set(product, pair);
  }
  out.sort((a, b) => Number(b.report.breaking) - Number(a.report.breaking) || a.productId.localeCompare(b.productId));
  return out;
}
