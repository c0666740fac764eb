// Reading an import source (JSON or YAML text) into a value that can say where its nodes are.
// Positions are computed only when an error needs one: a large dbt manifest parses with JSON.parse.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { ImportError, type SourceLocation } from './types.js';

export type SourcePath = readonly (string | number)[];

export interface ParsedSource {
  file: string;
  value: unknown;
  /** 1-based position of the node at `path` (its nearest existing ancestor when absent). */
  locate(path: SourcePath): SourceLocation;
  /** An ImportError located at `path`. */
  error(path: SourcePath, message: string): ImportError;
}

export function parseSource(text: string, file: string, syntax: 'json' | 'yaml'): ParsedSource {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') throw new ImportError('the file is empty: nothing to import', { file, line: 1, column: 1 });
  let value: unknown;
  if (syntax === 'json') {
    try {
      value = JSON.parse(body);
    } catch (err) {
      throw new ImportError(`not valid JSON: ${jsonReason(err)}`, jsonErrorLocation(body, file, err));
    }
  } else {
    const lineCounter = new LineCounter();
    const doc = parseDocument(body, { lineCounter, prettyErrors: false, uniqueKeys: true });
    const problem = doc.errors[0];
    if (problem) {
      const [line, column] = positionOf(lineCounter, problem.pos[0]);
      throw new ImportError(`not valid YAML: ${problem.message.split('\n')[0]}`, { file, line, column });
    }
    try {
      value = doc.toJS({ maxAliasCount: 100 });
    } catch (err) {
      throw new ImportError(`cannot read the YAML: ${(err as Error).message}`, { file, line: 1, column: 1 });
    }
  }
  let located: { doc: ReturnType<typeof parseDocument>; lineCounter: LineCounter } | undefined;
  const locate = (path: SourcePath): SourceLocation => {
    if (!located) {
      const lineCounter = new LineCounter();
      located = { doc: parseDocument(body, { lineCounter, uniqueKeys: false }), lineCounter };
    }
    const offset = offsetOf(located.doc.contents as Node | null, path);
    if (offset === undefined) return { file, line: 1, column: 1 };
    const [line, column] = positionOf(located.lineCounter, offset);
    return { file, line, column };
  };
  return { file, value, locate, error: (path, message) => new ImportError(message, locate(path)) };
}

/** Readable form of a source path for notes: `models.orders.fields.id`. */
export function pathText(path: SourcePath): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : out === '' ? part : `.${part}`;
  return out === '' ? '(document)' : out;
}

function offsetOf(root: Node | null, path: SourcePath): number | undefined {
  let node: unknown = root;
  let offset = (root as Node | null)?.range?.[0];
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      offset = (pair.key as Node).range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      offset = item.range?.[0] ?? offset;
      node = item;
    } else {
      break;
    }
  }
  return offset;
}

function positionOf(lineCounter: LineCounter, offset: number): [number, number] {
  const { line, col } = lineCounter.linePos(offset);
  return [line, col];
}

function jsonReason(err: unknown): string {
  return (err as Error).message.replace(/^JSON\.parse: /, '').replace(/ in JSON at position \d+.*$/s, '').replace(/\s*\(line \d+ column \d+\)$/, '');
}

function jsonErrorLocation(text: string, file: string, err: unknown): SourceLocation {
  const m = /at position (\d+)/.exec((err as Error).message);
  const offset = m ? Number(m[1]) : /Unexpected end/.test((err as Error).message) ? text.length : 0;
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { file, line, column: offset - lineStart + 1 };
}
