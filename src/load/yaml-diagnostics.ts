// Slow path: re-parse with the `yaml` package (CST + LineCounter) to explain exactly what is wrong and where.
import { Document, LineCounter, isMap, isScalar, parseDocument, visit } from 'yaml';
import type { LoadProblem } from './problem.js';

export interface ParsedWithPositions {
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

export function parseWithPositions(text: string): ParsedWithPositions {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false, merge: true, prettyErrors: false, keepSourceTokens: false });
  return { doc, lineCounter };
}

/** Syntax errors, duplicate keys and extra documents, each at its exact position. */
export function diagnose({ doc, lineCounter }: ParsedWithPositions): LoadProblem[] {
  const problems: LoadProblem[] = [];
  for (const error of doc.errors) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    if (error.code === 'MULTIPLE_DOCS') {
      problems.push({
        rule: 'load/multiple-documents',
        message: `the file holds more than one YAML document (a new one starts at line ${line}): keep exactly one document per file`,
        fix: 'Split the documents into separate files, or remove the extra `---` separator.',
        line,
        column: col,
      });
      continue;
    }
    problems.push({
      rule: 'load/yaml-syntax',
      message: `YAML syntax error: ${firstLine(error.message)} (${error.code})`,
      fix: 'Fix the YAML syntax at this position (indentation, quoting, brackets).',
      line,
      column: col,
    });
  }
  problems.push(...duplicateKeys({ doc, lineCounter }));
  return problems;
}

export function duplicateKeys({ doc, lineCounter }: ParsedWithPositions): LoadProblem[] {
  const problems: LoadProblem[] = [];
  visit(doc, {
    Map(_key, map) {
      const seen = new Map<string, number>();
      for (const pair of map.items) {
        if (!isScalar(pair.key) || !pair.key.range) continue;
        const name = String(pair.key.value);
        if (name === '<<') continue;
        const first = seen.get(name);
        if (first === undefined) {
          seen.set(name, pair.key.range[0]);
          continue;
        }
        const firstLine = lineCounter.linePos(first).line;
        const { line, col } = lineCounter.linePos(pair.key.range[0]);
        problems.push({
          rule: 'load/duplicate-key',
          message: `duplicate key ${JSON.stringify(name)} (first defined at line ${firstLine}): remove one of them`,
          fix: `Keep a single ${JSON.stringify(name)} key in this mapping (lines ${firstLine} and ${line}).`,
          line,
          column: col,
        });
      }
      return undefined;
    },
  });
  return problems;
}

/** Position of the first alias node (where an alias bomb is reported). */
export function firstAliasPosition({ doc, lineCounter }: ParsedWithPositions): { line: number; column: number } {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      if (node.range) offset = node.range[0];
      return visit.BREAK;
    },
  });
  if (offset === undefined) return { line: 1, column: 1 };
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}

export function isMapDocument(doc: Document.Parsed): boolean {
  return isMap(doc.contents);
}

function firstLine(message: string): string {
  const nl = message.indexOf('\n');
  return (nl === -1 ? message : message.slice(0, nl)).replace(/[:.]\s*$/, '');
}
