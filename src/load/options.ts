// Options of the loader: where the repository is, what paths are relative to, and the safety limits.

export interface LoadOptions {
  /** Repository root (absolute). `$ref` may not leave it. */
  root: string;
  /** Findings' file paths are relative to this directory (absolute). */
  cwd: string;
  /** Largest file the loader reads, in bytes. Default 5 MiB (5 * 1024 * 1024). */
  maxFileBytes?: number;
  /** Deepest nesting of mappings/sequences accepted. Default 64. */
  maxDepth?: number;
  /** Alias expansion bound (the `yaml` package's `maxAliasCount`). Default 100. */
  maxAliases?: number;
  /**
   * Threads that load large meshes, the main thread included (loadMesh and loadCheckedMesh). Default:
   * one per core, at most 4, for meshes of 2,000 files and more; 1 keeps everything on the main thread.
   */
  workers?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_MAX_DEPTH = 64;
export const DEFAULT_MAX_ALIASES = 100;

export interface Limits {
  maxFileBytes: number;
  maxDepth: number;
  maxAliases: number;
}

export function limitsOf(options: LoadOptions): Limits {
  return {
    maxFileBytes: options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES,
    maxDepth: options.maxDepth ?? DEFAULT_MAX_DEPTH,
    maxAliases: options.maxAliases ?? DEFAULT_MAX_ALIASES,
  };
}
