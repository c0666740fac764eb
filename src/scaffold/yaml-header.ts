// Generated YAML files start with a `yaml-language-server` modeline so editors (VS Code's YAML
// extension, JetBrains) validate them against our published schemas while the owner types.
import path from 'node:path';
import { stringify } from 'yaml';

/** Where each kind of file finds its schema, relative to the repository root. */
export const SCHEMA_FILES = {
  contract: 'schemas/odcs/odcs-json-schema-v3.1.0.json',
  product: 'schemas/odps.schema.json',
  domain: 'schemas/domain.schema.json',
  'mesh-policy': 'schemas/mesh-policy.schema.json',
} as const;

export type SchemaKind = keyof typeof SCHEMA_FILES;

/** `# yaml-language-server: $schema=<relative path>` for a file at `fileRel` (repo-relative, `/` separators). */
export function schemaModeline(kind: SchemaKind, fileRel: string): string {
  const from = path.posix.dirname(fileRel.split(path.sep).join('/'));
  const rel = path.posix.relative(from, SCHEMA_FILES[kind]);
  return `# yaml-language-server: $schema=${rel}`;
}

/** The document as YAML, headed by the schema modeline and optional comment lines. */
export function yamlDocument(kind: SchemaKind, fileRel: string, data: unknown, comments: string[] = []): string {
  const head = [schemaModeline(kind, fileRel), ...comments.map((c) => `# ${c}`)].join('\n');
  return `${head}\n${stringify(data, { lineWidth: 0, aliasDuplicateObjects: false })}`;
}
