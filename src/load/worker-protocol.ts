// Messages between the parallel loader and its worker threads (structured-clone friendly).
import type { Finding } from '../finding.js';
import type { DocumentKind } from '../model/document.js';
import type { LoadOptions } from './options.js';

export interface ShareRequest {
  files: string[];
  options: LoadOptions;
}

export interface LoadedItem {
  /** Index of the file in the share. */
  index: number;
  findings: Finding[];
  document?: { file: string; absPath: string; kind: DocumentKind; data: Record<string, unknown>; hash: string };
  /** ODCS schema findings, for contracts. */
  schemaFindings?: Finding[];
}

export interface LoadedShare {
  items: LoadedItem[];
}
