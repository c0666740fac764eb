// Rule examples are ODCS fragments; this wraps one into a minimal complete contract (the same
// wrapping docs/breaking-rules.md describes), so tests and docs read the same thing.
import yaml from 'js-yaml';
import { isObj, type Obj } from './nodes.js';

export const EXAMPLE_HEADER = { apiVersion: 'v3.1.0', kind: 'DataContract', id: 'sales-orders', version: '1.0.0', status: 'active' } as const;

/** The contract an example fragment stands for; undefined for '' (no contract on that side). */
export function exampleContract(fragment: string): Obj | undefined {
  if (fragment.trim() === '') return undefined;
  const body = yaml.load(fragment);
  if (!isObj(body)) throw new Error(`a rule example must be a YAML mapping: ${fragment}`);
  return { ...EXAMPLE_HEADER, ...body };
}

export const PRODUCT_EXAMPLE_HEADER = { apiVersion: 'v1.0.0', kind: 'DataProduct', id: 'sales-orders-product', name: 'Sales orders', version: '1.0.0', status: 'active' } as const;

/** The data product an example fragment of a product rule stands for; undefined for ''. */
export function exampleProduct(fragment: string): Obj | undefined {
  if (fragment.trim() === '') return undefined;
  const body = yaml.load(fragment);
  if (!isObj(body)) throw new Error(`a rule example must be a YAML mapping: ${fragment}`);
  return { ...PRODUCT_EXAMPLE_HEADER, ...body };
}
