// The ODCS schema findings lint reports for one contract: validateContract minus the errors that an
// unresolved `$ref` placeholder causes (the loader already reported the `$ref` itself as ref/*).
import type { Finding } from '../finding.js';
import type { LoadedDocument } from '../model/document.js';
import { validateContract } from './validate.js';

export function schemaFindings(doc: LoadedDocument): Finding[] {
  if (doc.schemaFindings) return doc.schemaFindings;
  const findings = validateContract(doc);
  if (findings.length === 0) return findings;
  const refSites = unresolvedRefPositions(doc);
  return refSites.size === 0 ? findings : findings.filter((f) => !refSites.has(`${f.line}:${f.column}`));
}

/** Positions of `$ref`s left unresolved in a document (the loader reported why). */
function unresolvedRefPositions(doc: LoadedDocument): Set<string> {
  const out = new Set<string>();
  const visit = (node: unknown, path: (string | number)[]) => {
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, [...path, i]));
    else if (node !== null && typeof node === 'object') {
      const map = node as Record<string, unknown>;
      if (typeof map.$ref === 'string') {
        const { line, column } = doc.locate(path);
        out.add(`${line}:${column}`);
      }
      for (const [key, value] of Object.entries(map)) if (typeof value === 'object' && value !== null) visit(value, [...path, key]);
    }
  };
  visit(doc.data, []);
  return out;
}
