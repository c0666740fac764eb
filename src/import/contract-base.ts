// The frame every imported contract shares: ODCS v3.1.0 header, a generated id, draft status.
// What only the owner can say (purpose, team, support, SLAs) is left out for lint to ask for.
import type { OdcsContract, OdcsObject } from './odcs-shapes.js';
import type { ImportOptions } from './types.js';

export const ODCS_API_VERSION = 'v3.1.0';
export const DEFAULT_VERSION = '0.1.0';

/** `Customer Orders` → `customer-orders`: lower-case words joined by dashes (ODCS ids allow [A-Za-z0-9_-]). */
export function slug(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The id a new contract gets: `<domain>-<name>` as a slug, without repeating the domain. */
export function contractId(name: string, domain?: string): string {
  const base = slug(name) || 'contract';
  if (!domain) return base;
  const prefix = slug(domain);
  return base === prefix || base.startsWith(`${prefix}-`) ? base : `${prefix}-${base}`;
}

/** Name of a file without folders and extensions (`models/orders.avsc` → `orders`). */
export function baseName(file: string): string {
  const last = file.split(/[\\/]/).pop() ?? file;
  return last.replace(/\.(odcs|schema|avsc|avro|json|ya?ml|sql|ddl)$/i, '').replace(/\.(schema|odcs)$/i, '') || 'contract';
}

export interface ContractFrame {
  /** Name from the source, used when the user gave none. */
  name: string;
  version?: string;
  description?: string;
  status?: string;
}

export function contractFrame(options: ImportOptions, frame: ContractFrame, schema: OdcsObject[]): OdcsContract {
  const name = options.name ?? frame.name;
  const contract: OdcsContract = {
    apiVersion: ODCS_API_VERSION,
    kind: 'DataContract',
    id: options.id ?? contractId(name, options.domain),
    name,
    version: options.version ?? frame.version ?? DEFAULT_VERSION,
    status: frame.status ?? 'draft',
  };
  if (options.domain) contract.domain = options.domain;
  if (frame.description) contract.description = { purpose: frame.description };
  contract.schema = schema;
  return contract;
}
