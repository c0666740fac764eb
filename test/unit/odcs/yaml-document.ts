// Builds a LoadedDocument from YAML text for engine tests (the real loader lives in src/load/).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { JsonPath } from '../../../src/finding.js';
import type { LoadedDocument, Position } from '../../../src/model/document.js';

export function yamlDocument(text: string, file = 'contract.odcs.yaml', data?: Record<string, unknown>): LoadedDocument {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, uniqueKeys: false });
  const parsed = data ?? (doc.toJS() as Record<string, unknown>);
  const toPos = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  return {
    file,
    absPath: `/virtual/${file}`,
    kind: 'contract',
    data: parsed,
    hash: createHash('sha256').update(text).digest('hex'),
    locate(path: JsonPath): Position {
      let node: unknown = doc.contents;
      let best: Position = { line: 1, column: 1 };
      if (node && (node as Node).range) best = toPos((node as Node).range![0]);
      for (const part of path) {
        if (isMap(node)) {
          const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === part);
          if (!pair) break;
          node = pair.value;
          const keyNode = pair.key as Node | null;
          if (keyNode?.range) best = toPos(keyNode.range[0]);
        } else if (isSeq(node) && typeof part === 'number' && node.items[part]) {
          node = node.items[part];
          const range = (node as Node).range;
          if (range) best = toPos(range[0]);
        } else break;
      }
      return best;
    },
  };
}

export function yamlFile(path: string, file = path): LoadedDocument {
  return yamlDocument(readFileSync(path, 'utf8'), file);
}
