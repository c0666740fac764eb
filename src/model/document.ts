// What the loader hands to the engine: parsed documents that know where their nodes are in the source.
import type { Finding, JsonPath } from '../finding.js';

export type DocumentKind = 'contract' | 'product' | 'mesh-policy' | 'domain' | 'fragment' | 'unknown';

export interface Position {
  line: number;
  column: number;
}

export interface LoadedDocument {
  /** Path relative to the current working directory, `/` separators (what findings print). */
  file: string;
  /** Absolute path on disk. */
  absPath: string;
  kind: DocumentKind;
  /** Parsed content with `$ref`s resolved. */
  data: Record<string, unknown>;
  /** sha256 (hex) of the file's bytes: cache key for incremental checks. */
  hash: string;
  /**
   * 1-based position of the node at `path` in the source (the nearest existing ancestor when the
   * node is absent, 1:1 for the document). Positions are computed lazily, only for files that
   * have findings, so the fast path never pays for a CST.
   */
  locate(path: JsonPath): Position;
  /**
   * ODCS schema findings already computed where the document was loaded (a worker thread of the
   * parallel loader); lint uses them instead of validating again.
   */
  schemaFindings?: Finding[];
}

/** Result of loading: the documents that parsed, and findings for those that did not (or had bad $refs). */
export interface LoadResult {
  documents: LoadedDocument[];
  findings: Finding[];
  /** Number of files looked at (the `files` count of the JSON output). */
  files: number;
}
