// What a file is, from its name first and its content second.
import path from 'node:path';
import type { DocumentKind } from '../model/document.js';

export function kindFromName(absPath: string, root: string): DocumentKind | undefined {
  const base = path.basename(absPath);
  if (/\.odcs\.ya?ml$/.test(base)) return 'contract';
  if (/\.odps\.ya?ml$/.test(base)) return 'product';
  if (base === 'mesh.yaml' || base === 'mesh.yml') return 'mesh-policy';
  if (base === 'domain.yaml' || base === 'domain.yml') return 'domain';
  const rel = path.relative(root, absPath);
  const inside = rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  const dirs = path.dirname(inside ? rel : absPath).split(path.sep);
  if (dirs.includes('_shared')) return 'fragment';
  return undefined;
}

export function kindFromContent(data: Record<string, unknown>): DocumentKind {
  if (data.kind === 'DataContract' && typeof data.apiVersion === 'string') return 'contract';
  if (data.kind === 'DataProduct') return 'product';
  return 'unknown';
}

export function detectKind(absPath: string, root: string, data: Record<string, unknown>): DocumentKind {
  return kindFromName(absPath, root) ?? kindFromContent(data);
}
