// `$ref` resolution. Every reference is checked first by our own rules (local files inside the
// repository only, target file and JSON pointer exist, no cycles) so each problem is reported at the
// `$ref` that causes it; the valid references are then dereferenced by @apidevtools/json-schema-ref-parser,
// restricted to the files we have already checked (no http, no other resolver).
import { readFileSync, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { JsonPath } from '../finding.js';
import type { Limits } from './options.js';
import type { LoadProblem } from './problem.js';
import type { RefSite } from './check-value.js';
import { parseYaml } from './parse-yaml.js';
import { createLocator } from './locate.js';
import { displayPath, isInside } from './paths.js';

export interface RefContext {
  root: string;
  cwd: string;
  limits: Limits;
}

interface ParsedFile {
  value: unknown;
  refs: RefSite[];
  text: string;
}

type Target = { ok: true; abs: string; tokens: string[]; key: string } | { ok: false; problem: Omit<LoadProblem, 'path'> };

const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:/;
const HIDDEN_REF = Symbol('unresolved $ref');

export async function resolveRefs(
  rootAbs: string,
  rootParsed: ParsedFile,
  ctx: RefContext,
): Promise<{ data: unknown; problems: LoadProblem[]; deps: string[] }> {
  // Every file inside the repository a reference looked at (found or not): what a cached result depends on.
  const deps = new Set<string>();
  const files = new Map<string, ParsedFile | { error: Omit<LoadProblem, 'path'> }>([[rootAbs, rootParsed]]);
  const rootReal = realpathOr(ctx.root);
  const rel = (abs: string) => displayPath(abs, ctx.cwd);

  async function fileAt(abs: string): Promise<ParsedFile | { error: Omit<LoadProblem, 'path'> }> {
    const cached = files.get(abs);
    if (cached) return cached;
    let loaded: ParsedFile | { error: Omit<LoadProblem, 'path'> };
    try {
      const stat = statSync(abs);
      if (!stat.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
      if (stat.size > ctx.limits.maxFileBytes) {
        loaded = { error: refProblem('ref/invalid', `the referenced file ${rel(abs)} is ${stat.size} bytes, over the limit of ${ctx.limits.maxFileBytes} bytes`, 'Make the fragment smaller.') };
      } else {
        const remembered = rememberedFragment(abs, stat, ctx.limits);
        const outcome = remembered ? { ok: true as const, ...remembered } : parseYaml(readFileSync(abs), ctx.limits, { requireMapping: false });
        if (outcome.ok) {
          loaded = { value: outcome.value, refs: outcome.refs, text: outcome.text };
          if (!remembered) rememberFragment(abs, stat, ctx.limits, loaded);
        } else {
          const first = outcome.problems[0];
          const at = first.line !== undefined ? first : outcome.text !== undefined && first.path ? createLocator(outcome.text)(first.path) : { line: 1, column: 1 };
          loaded = {
            error: refProblem(
              'ref/invalid',
              `the referenced file ${rel(abs)} cannot be loaded: ${rel(abs)}:${at.line}:${at.column} ${first.message} (${first.rule})`,
              'Fix the referenced file first.',
            ),
          };
        }
      }
    } catch (error) {
      const code = (error as { code?: string }).code;
      loaded = {
        error:
          code === 'ENOENT' || code === 'ENOTDIR'
            ? refProblem('ref/not-found', `the referenced file ${rel(abs)} does not exist`, 'Fix the path of the $ref (it is relative to the referring file).')
            : refProblem('ref/invalid', `the referenced file ${rel(abs)} cannot be read (${code ?? String(error)})`, 'Point the $ref at a readable YAML file.'),
      };
    }
    files.set(abs, loaded);
    return loaded;
  }

  /** Where a `$ref` written in `fromAbs` points, or why it may not be followed. */
  async function targetOf(fromAbs: string, ref: unknown): Promise<Target> {
    if (typeof ref !== 'string') {
      return { ok: false, problem: refProblem('ref/invalid', `$ref must be a string, found ${ref === null ? 'null' : Array.isArray(ref) ? 'a sequence' : typeof ref}`, 'Write the reference as a string, e.g. `$ref: ../_shared/team.yaml#/team`.') };
    }
    const hash = ref.indexOf('#');
    const filePart = hash === -1 ? ref : ref.slice(0, hash);
    const fragment = hash === -1 ? '' : ref.slice(hash + 1);
    if (URL_SCHEME.test(filePart) || filePart.startsWith('//')) {
      return { ok: false, problem: refProblem('ref/remote', `$ref ${JSON.stringify(ref)} points to a URL; only files inside this repository may be referenced`, 'Copy the fragment into the repository (e.g. contracts/_shared/) and reference it by relative path.') };
    }
    if (filePart.startsWith('/') || filePart.startsWith('\\') || /^[A-Za-z]:[\\/]/.test(filePart)) {
      return { ok: false, problem: refProblem('ref/outside-repo', `$ref ${JSON.stringify(ref)} is an absolute path; references must be relative paths inside the repository`, 'Use a path relative to the referring file, e.g. `../_shared/team.yaml`.') };
    }
    let decodedFile: string;
    let tokens: string[];
    try {
      decodedFile = decodeURIComponent(filePart);
      tokens = pointerTokens(fragment);
    } catch (error) {
      return { ok: false, problem: refProblem('ref/invalid', `$ref ${JSON.stringify(ref)} is malformed: ${(error as Error).message}`, 'Use `path/to/file.yaml#/json/pointer`.') };
    }
    const abs = decodedFile === '' ? fromAbs : path.resolve(path.dirname(fromAbs), decodedFile);
    if (!isInside(ctx.root, abs)) {
      return { ok: false, problem: refProblem('ref/outside-repo', `$ref ${JSON.stringify(ref)} leaves the repository root (${rel(ctx.root) || '.'})`, 'Move the referenced file inside the repository and reference it from there.') };
    }
    if (abs !== rootAbs) {
      deps.add(abs);
      let real: string;
      try {
        real = realpathSync.native(abs);
      } catch {
        return { ok: false, problem: refProblem('ref/not-found', `$ref ${JSON.stringify(ref)}: the file ${rel(abs)} does not exist`, 'Fix the path of the $ref (it is relative to the referring file).') };
      }
      if (!isInside(rootReal, real)) {
        return { ok: false, problem: refProblem('ref/outside-repo', `$ref ${JSON.stringify(ref)}: ${rel(abs)} is a symbolic link to ${real}, outside the repository`, 'Replace the symbolic link with a real file inside the repository.') };
      }
    }
    const file = await fileAt(abs);
    if ('error' in file) return { ok: false, problem: { ...file.error, message: `$ref ${JSON.stringify(ref)}: ${file.error.message}` } };
    const missing = missingPointerStep(file.value, tokens);
    if (missing !== undefined) {
      const at = tokens.slice(0, missing + 1).map(escapeToken).join('/');
      return {
        ok: false,
        problem: refProblem(
          'ref/not-found',
          `$ref ${JSON.stringify(ref)}: ${rel(abs)} has nothing at #/${at}`,
          `Point the JSON pointer at an existing node of ${rel(abs)}.`,
        ),
      };
    }
    return { ok: true, abs, tokens, key: `${abs}#/${tokens.map(escapeToken).join('/')}` };
  }

  const done = new Set<string>();
  const checkedFiles = new Set<string>([rootAbs]);

  /** Follows a reference and everything it pulls in; the first problem found, if any. */
  async function follow(fromAbs: string, ref: unknown, chain: string[], onChain: Set<string>): Promise<Omit<LoadProblem, 'path'> | undefined> {
    const target = await targetOf(fromAbs, ref);
    if (!target.ok) return target.problem;
    const shown = `${rel(target.abs)}#/${target.tokens.map(escapeToken).join('/')}`;
    if (onChain.has(target.key)) {
      return refProblem('ref/cycle', `$ref cycle: ${[...chain, shown].join(' -> ')}: the references never reach a value`, 'Break the cycle: one of these references must point to a plain value.');
    }
    if (done.has(target.key)) return undefined;
    const file = files.get(target.abs) as ParsedFile;
    if (!checkedFiles.has(target.abs)) {
      checkedFiles.add(target.abs);
      for (const site of file.refs) {
        const nested = await targetOf(target.abs, site.ref);
        if (!nested.ok) return inFile(nested.problem, target.abs, file, site.path);
      }
    }
    onChain.add(target.key);
    for (const site of file.refs) {
      if (!startsWith(site.path, target.tokens)) continue;
      const problem = await follow(target.abs, site.ref, [...chain, shown], onChain);
      if (problem) return target.abs === fromAbs || problem.rule === 'ref/cycle' ? problem : inFile(problem, target.abs, file, site.path);
    }
    onChain.delete(target.key);
    done.add(target.key);
    return undefined;
  }

  function inFile(problem: Omit<LoadProblem, 'path'>, abs: string, file: ParsedFile, sitePath: JsonPath): Omit<LoadProblem, 'path'> {
    if (problem.message.startsWith('in ')) return problem;
    const at = createLocator(file.text)([...sitePath, '$ref']);
    return { ...problem, message: `in ${rel(abs)}:${at.line}:${at.column}, ${problem.message}` };
  }

  const problems: LoadProblem[] = [];
  const bad: RefSite[] = [];
  for (const site of rootParsed.refs) {
    const rootKey = `${rootAbs}#/${site.path.map((p) => escapeToken(String(p))).join('/')}`;
    const problem = await follow(rootAbs, site.ref, [`${rel(rootAbs)}#/${site.path.map((p) => escapeToken(String(p))).join('/')}`], new Set([rootKey]));
    if (problem) {
      problems.push({ ...problem, path: [...site.path, '$ref'] });
      bad.push(site);
    }
  }

  const value = rootParsed.value;
  if (bad.length === rootParsed.refs.length) return { data: value, problems, deps: [...deps] };

  // Hide the references we refuse, so the ref-parser never sees them; restore them afterwards.
  const hidden: Record<string | symbol, unknown>[] = [];
  for (const site of bad) {
    const holder = valueAt(value, site.path) as Record<string | symbol, unknown>;
    holder[HIDDEN_REF] = holder.$ref;
    delete holder.$ref;
    hidden.push(holder);
  }
  let data: unknown = value;
  try {
    data = await dereferenceSites(rootAbs, value, rootParsed.refs.filter((s) => !bad.includes(s)), files);
  } catch (error) {
    const first = rootParsed.refs.find((s) => !bad.includes(s))!;
    problems.push({
      ...refProblem('ref/invalid', `$ref could not be resolved: ${error instanceof Error ? error.message : String(error)}`, 'Check the reference and its target.'),
      path: [...first.path, '$ref'],
    });
  } finally {
    for (const holder of hidden) {
      holder.$ref = holder[HIDDEN_REF];
      delete holder[HIDDEN_REF];
    }
  }
  return { data, problems, deps: [...deps] };
}

/**
 * Fragments parsed earlier on this thread, by path, with the file's identity and the limits they were
 * parsed under: a few shared fragments are referenced by thousands of contracts, and reading and
 * parsing them again for each cost ~0.1 s per thread at 10,000 contracts (profiled). A fragment is
 * handed out as a copy: a resolved document owns the values put into it (the ref-parser mutates them).
 */
const parsedFragments = new Map<string, { stamp: string; parsed: ParsedFile }>();
const MAX_PARSED_FRAGMENTS = 256;

function fragmentStamp(stat: Stats, limits: Limits): string {
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${limits.maxFileBytes}:${limits.maxDepth}:${limits.maxAliases}`;
}

function rememberedFragment(abs: string, stat: Stats, limits: Limits): ParsedFile | undefined {
  const entry = parsedFragments.get(abs);
  if (!entry || entry.stamp !== fragmentStamp(stat, limits)) return undefined;
  return { value: structuredClone(entry.parsed.value), refs: entry.parsed.refs, text: entry.parsed.text };
}

function rememberFragment(abs: string, stat: Stats, limits: Limits, parsed: ParsedFile): void {
  if (parsedFragments.size >= MAX_PARSED_FRAGMENTS && !parsedFragments.has(abs)) parsedFragments.delete(parsedFragments.keys().next().value!);
  // Kept as a copy too: the value just parsed goes into the document being resolved.
  parsedFragments.set(abs, { stamp: fragmentStamp(stat, limits), parsed: { value: structuredClone(parsed.value), refs: parsed.refs, text: parsed.text } });
}

/**
 * Dereferences only the objects that hold a `$ref` (profiled: letting the ref-parser crawl every
 * node of every document cost more than parsing the YAML). The outermost holders go into a small
 * wrapper object that the ref-parser dereferences as if it were the document, then each resolved
 * value is put back in place. A reference into the document itself (`#/...`) needs the real
 * document as its base, as does a `$ref` at the top level: those documents are dereferenced whole.
 */
async function dereferenceSites(rootAbs: string, value: unknown, sites: RefSite[], files: Map<string, ParsedFile | { error: unknown }>): Promise<unknown> {
  const intoSelf = (ref: unknown) => typeof ref !== 'string' || path.resolve(path.dirname(rootAbs), decodeURIComponent(ref.replace(/#.*$/, ''))) === rootAbs;
  // Fragments that hold references themselves could point back into this document: keep it simple then.
  const nested = [...files].some(([abs, file]) => abs !== rootAbs && 'refs' in file && file.refs.length > 0);
  const needsWhole = nested || sites.some((s) => s.path.length === 0 || intoSelf(s.ref));
  if (needsWhole) return dereference(rootAbs, value, files);
  // The common case, `{ $ref: ../_shared/x.yaml#/a }` alone into a fragment without references of its
  // own: the ref-parser would put the (already parsed and checked) target object in place; do that
  // directly, which costs nothing (profiled: the ref-parser's set-up was ~0.3 ms per document).
  if (sites.every((s) => isBareRef(s, value))) {
    const targets = sites.map((site) => {
      const ref = site.ref as string;
      const hash = ref.indexOf('#');
      const abs = path.resolve(path.dirname(rootAbs), decodeURIComponent(hash === -1 ? ref : ref.slice(0, hash)));
      const file = files.get(abs);
      return file && 'refs' in file ? { ok: true as const, value: valueAtTokens(file.value, pointerTokens(hash === -1 ? '' : ref.slice(hash + 1))) } : { ok: false as const };
    });
    if (targets.every((t) => t.ok)) {
      sites.forEach((site, i) => {
        const parent = valueAt(value, site.path.slice(0, -1)) as Record<string | number, unknown>;
        parent[site.path[site.path.length - 1]] = (targets[i] as { value: unknown }).value;
      });
      return value;
    }
  }
  const outermost = sites.filter((s) => !sites.some((o) => o !== s && o.path.length < s.path.length && o.path.every((p, i) => String(p) === String(s.path[i]))));
  const wrapper: Record<string, unknown> = {};
  outermost.forEach((site, i) => {
    wrapper[String(i)] = valueAt(value, site.path);
  });
  const resolved = (await dereference(rootAbs, wrapper, files)) as Record<string, unknown>;
  outermost.forEach((site, i) => {
    const parent = valueAt(value, site.path.slice(0, -1)) as Record<string | number, unknown>;
    parent[site.path[site.path.length - 1]] = resolved[String(i)];
  });
  return value;
}

async function dereference(rootAbs: string, value: unknown, files: Map<string, ParsedFile | { error: unknown }>): Promise<unknown> {
  const pathOfUrl = (url: string) => (url.startsWith('file:') ? fileURLToPath(url) : decodeURIComponent(url)).replace(/#.*$/, '');
  const lookup = (url: string): ParsedFile => {
    const file = files.get(pathOfUrl(url));
    // Only files that passed our checks are ever handed to the ref-parser.
    if (!file || 'error' in file) throw new Error(`refusing to read ${url}: not a checked file of this repository`);
    return file;
  };
  // Imported on first use: most meshes only have bare references into plain fragments, which never
  // reach the ref-parser (see dereferenceSites), and importing it cost ~35 ms of every thread's start.
  const { default: $RefParser } = await import('@apidevtools/json-schema-ref-parser');
  const parser = new $RefParser();
  return parser.dereference(rootAbs, value as object, {
    continueOnError: false,
    mutateInputSchema: true,
    resolve: {
      external: true,
      http: false,
      file: false,
      repository: { order: 1, canRead: true, read: (file: { url: string }) => lookup(file.url).text },
    },
    parse: {
      json: false,
      text: false,
      binary: false,
      yaml: { order: 1, canParse: true, allowEmpty: false, parse: (file: { url: string }) => lookup(file.url).value as object },
    },
    dereference: { circular: false },
  } as never);
}

function refProblem(rule: string, message: string, fix: string): Omit<LoadProblem, 'path'> {
  return { rule, message, fix };
}

function pointerTokens(fragment: string): string[] {
  if (fragment === '' || fragment === '/') return fragment === '/' ? [''] : [];
  if (!fragment.startsWith('/')) throw new Error(`the part after "#" must be a JSON pointer starting with "/" (found "#${fragment}")`);
  return fragment
    .slice(1)
    .split('/')
    .map((t) => decodeURIComponent(t).replace(/~1/g, '/').replace(/~0/g, '~'));
}

function escapeToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Index of the first pointer token that does not exist in `value`, or undefined when it all resolves. */
function missingPointerStep(value: unknown, tokens: string[]): number | undefined {
  let node = value;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (Array.isArray(node)) {
      if (!/^(0|[1-9]\d*)$/.test(token) || Number(token) >= node.length) return i;
      node = node[Number(token)];
    } else if (node !== null && typeof node === 'object' && Object.prototype.hasOwnProperty.call(node, token)) {
      node = (node as Record<string, unknown>)[token];
    } else {
      return i;
    }
  }
  return undefined;
}

function startsWith(sitePath: JsonPath, tokens: string[]): boolean {
  if (sitePath.length < tokens.length) return false;
  for (let i = 0; i < tokens.length; i++) if (String(sitePath[i]) !== tokens[i]) return false;
  return true;
}

/** A reference object with no key besides `$ref`. */
function isBareRef(site: RefSite, root: unknown): boolean {
  const holder = valueAt(root, site.path);
  return holder !== null && typeof holder === 'object' && !Array.isArray(holder) && Object.keys(holder).length === 1 && typeof site.ref === 'string';
}

function valueAtTokens(value: unknown, tokens: string[]): unknown {
  let node = value;
  for (const token of tokens) node = Array.isArray(node) ? node[Number(token)] : (node as Record<string, unknown>)[token];
  return node;
}

function valueAt(value: unknown, at: JsonPath): unknown {
  let node = value;
  for (const key of at) node = (node as Record<string | number, unknown>)[key];
  return node;
}

// Sync fs on purpose: these are small local files, and the promise API's thread-pool round trips
// cost more than the reads themselves (profiled: fs was a third of a 5,000-file lint).
function realpathOr(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}
