// The loader's safety limits as CLI flags, shared by every command that reads contracts.
import type { Command } from 'commander';
import type { LoadOptions } from '../load/options.js';
import { UsageError } from './context.js';

export interface LoadLimitFlags {
  maxFileSize?: string;
  maxDepth?: string;
  maxAliases?: string;
}

export function addLoadLimitOptions(command: Command): Command {
  return command
    .option('--max-file-size <bytes>', 'largest file read, in bytes (default 5242880 = 5 MiB); larger files are reported, not read')
    .option('--max-depth <levels>', 'deepest nesting of mappings/sequences accepted (default 64)')
    .option('--max-aliases <count>', 'bound on YAML alias expansion, against "billion laughs" files (default 100)');
}

/** The limits the user set, ready to spread into LoadOptions; a malformed value is a usage error. */
export function loadLimits(flags: LoadLimitFlags): Pick<LoadOptions, 'maxFileBytes' | 'maxDepth' | 'maxAliases'> {
  return {
    ...(flags.maxFileSize !== undefined ? { maxFileBytes: positiveInteger('--max-file-size', flags.maxFileSize, 'a positive number of bytes') } : {}),
    ...(flags.maxDepth !== undefined ? { maxDepth: positiveInteger('--max-depth', flags.maxDepth, 'a positive number of levels') } : {}),
    ...(flags.maxAliases !== undefined ? { maxAliases: positiveInteger('--max-aliases', flags.maxAliases, 'a positive count') } : {}),
  };
}

function positiveInteger(flag: string, value: string, what: string): number {
  const n = Number(value.trim());
  if (!/^\d+$/.test(value.trim()) || n <= 0 || !Number.isSafeInteger(n)) throw new UsageError(`${flag} must be ${what}, got "${value}"`);
  return n;
}
