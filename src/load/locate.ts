// Source positions, computed lazily: the first call parses the text with the `yaml` CST, later calls reuse it.
import { isAlias, isMap, isScalar, isSeq, type Node } from 'yaml';
import type { JsonPath } from '../finding.js';
import type { Position } from '../model/document.js';
import { parseWithPositions, type ParsedWithPositions } from './yaml-diagnostics.js';

export type Locate = (path: JsonPath) => Position;

export function createLocator(text: string): Locate {
  let parsed: ParsedWithPositions | undefined;
  return (path) => {
    parsed ??= parseWithPositions(text);
    return locateIn(parsed, path);
  };
}

/** Position of the key (or sequence item) at `path`; for a missing node, its deepest existing ancestor. */
export function locateIn({ doc, lineCounter }: ParsedWithPositions, path: JsonPath): Position {
  let node: unknown = doc.contents;
  let offset: number | undefined;
  for (const segment of path) {
    if (isAlias(node)) node = node.resolve(doc);
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      const key = pair.key as Node;
      if (key.range) offset = key.range[0];
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number') {
      const item = node.items[segment] as Node | undefined;
      if (!item) break;
      if (item.range) offset = item.range[0];
      node = item;
    } else {
      break;
    }
  }
  if (offset === undefined) return { line: 1, column: 1 };
  const { line, col } = lineCounter.linePos(offset);
  return { line, column: col };
}
