// What every importer takes and returns, and the error it throws for a source it cannot read.
import type { OdcsContract } from './odcs-shapes.js';

export type ImportFormat = 'jsonschema' | 'avro' | 'sql' | 'dbt' | 'dcs';

export interface ImportOptions {
  /** Path of the source as the user gave it: named in errors and notes. */
  file: string;
  /** Domain of the new contract (sets `domain` and the id prefix). */
  domain?: string;
  /** Contract id; default `<domain>-<name>` (or `<name>`), lower-case with dashes. */
  id?: string;
  /** Contract name; default from the source (title, record name, table name, file name). */
  name?: string;
  /** Contract version; default the source's version, else 0.1.0. */
  version?: string;
  /** dbt: import only these models (names); default every model of the root project. */
  models?: string[];
}

/** Something the importer could not carry into the contract, or that the owner must complete. */
export interface ImportNote {
  /** Where in the source, as a readable path (e.g. `properties.amount.default`). */
  at: string;
  message: string;
}

export interface ImportResult {
  contract: OdcsContract;
  notes: ImportNote[];
}

export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** A source that cannot be imported: the message says what is wrong, the location where. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(
    message: string,
    readonly location: SourceLocation,
  ) {
    super(message);
  }

  /** `file:line:column: message`, the way every diagnostic of the tool starts. */
  describe(): string {
    return `${this.location.file}:${this.location.line}:${this.location.column}: ${this.message}`;
  }
}
