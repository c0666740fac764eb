// Consumers of a contract: ODPS data products whose input ports reference its id.
import type { Consumer } from './report.js';

/** Consumers in another domain than the contract's (all of them when the domain is unknown). */
export function foreignConsumers(consumers: readonly Consumer[], domain: string | undefined): Consumer[] {
  return consumers.filter((c) => domain === undefined || c.domain === undefined || c.domain !== domain);
}
