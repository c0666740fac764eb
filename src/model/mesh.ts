// The whole mesh as the engine sees it: every document of a contracts/ tree plus CODEOWNERS.
import type { LoadedDocument } from './document.js';

export interface Mesh {
  /** Absolute path of the repository root (where CODEOWNERS lives). */
  root: string;
  /** Absolute path of the contracts directory. */
  contractsDir: string;
  /** contracts/mesh.yaml, when present. */
  policy?: LoadedDocument;
  /** contracts/<domain>/domain.yaml, keyed by domain folder name. */
  domains: Map<string, LoadedDocument>;
  /** Every *.odcs.yaml. */
  contracts: LoadedDocument[];
  /** Every *.odps.yaml. */
  products: LoadedDocument[];
  /** CODEOWNERS text and its repo-relative path (CODEOWNERS, .github/CODEOWNERS or docs/CODEOWNERS). */
  codeowners?: { file: string; absPath: string; text: string };
}

/** The domain a document belongs to: the first folder under contracts/ (undefined for mesh.yaml, _shared). */
export function domainOf(mesh: Pick<Mesh, 'contractsDir'>, doc: Pick<LoadedDocument, 'absPath'>): string | undefined {
  const rel = doc.absPath.slice(mesh.contractsDir.length + 1).split(/[\\/]/);
  if (rel.length < 2 || rel[0].startsWith('_')) return undefined;
  return rel[0];
}
