// One document from its bytes: parse safely, check, resolve `$ref`s, and report problems as findings.
import { hash } from 'node:crypto';
import type { Finding } from '../finding.js';
import type { LoadedDocument } from '../model/document.js';
import { detectKind } from './kind.js';
import { createLocator, type Locate } from './locate.js';
import { limitsOf, type LoadOptions } from './options.js';
import { parseYaml } from './parse-yaml.js';
import type { LoadProblem } from './problem.js';
import { resolveRefs } from './resolve-refs.js';

export interface LoadOneResult {
  document?: LoadedDocument;
  findings: Finding[];
  /** Absolute paths of the files the document's `$ref`s looked at (present or not); absent without `$ref`s. */
  deps?: string[];
}

const atStart: Locate = () => ({ line: 1, column: 1 });

/**
 * Loads one document from its content. Used for files on disk and for content that is not on disk
 * (git blobs): `$ref`s resolve relative to `file.absPath`. Never throws.
 */
export async function loadText(text: string | Uint8Array, file: { absPath: string; file: string }, options: LoadOptions): Promise<LoadOneResult> {
  try {
    const limits = limitsOf(options);
    const outcome = parseYaml(text, limits, { requireMapping: true });
    const locate = outcome.text !== undefined ? createLocator(outcome.text) : atStart;
    if (!outcome.ok) return { findings: outcome.problems.map((p) => toFinding(p, file.file, locate)) };

    let data = outcome.value as Record<string, unknown>;
    const findings: Finding[] = [];
    let deps: string[] | undefined;
    if (outcome.refs.length > 0) {
      const resolved = await resolveRefs(file.absPath, { value: data, refs: outcome.refs, text: outcome.text }, { root: options.root, cwd: options.cwd, limits });
      deps = resolved.deps;
      findings.push(...resolved.problems.map((p) => toFinding(p, file.file, locate)));
      if (resolved.data !== null && typeof resolved.data === 'object' && !Array.isArray(resolved.data)) {
        data = resolved.data as Record<string, unknown>;
      } else {
        findings.push(
          toFinding(
            { rule: 'load/not-a-mapping', message: 'after resolving $ref the document is not a mapping of keys to values', fix: 'Reference a mapping at the top level.', path: ['$ref'] },
            file.file,
            locate,
          ),
        );
        return { findings, deps };
      }
    }
    const document: LoadedDocument = {
      file: file.file,
      absPath: file.absPath,
      kind: detectKind(file.absPath, options.root, data),
      data,
      hash: sha256(text),
      locate,
    };
    return deps ? { document, findings, deps } : { document, findings };
  } catch (error) {
    return { findings: [internalFinding(file.file, error)] };
  }
}

export function sha256(content: string | Uint8Array): string {
  // One-shot hash: cheaper per call than createHash().update().digest() (profiled on small files).
  return hash('sha256', content, 'hex');
}

export function toFinding(problem: LoadProblem, file: string, locate: Locate): Finding {
  const at = problem.line !== undefined ? { line: problem.line, column: problem.column ?? 1 } : locate(problem.path ?? []);
  const finding: Finding = { file, line: at.line, column: at.column, rule: problem.rule, severity: 'error', message: problem.message };
  if (problem.fix) finding.fix = problem.fix;
  return finding;
}

export function internalFinding(file: string, error: unknown): Finding {
  return {
    file,
    line: 1,
    column: 1,
    rule: 'load/internal',
    severity: 'error',
    message: `internal error while loading this file: ${error instanceof Error ? error.message : String(error)}`,
    fix: 'This is a bug in mesh: please report it with the file attached.',
  };
}
