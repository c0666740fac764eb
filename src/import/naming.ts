// Imported names follow the mesh's naming conventions (mesh.yaml `naming`): a name that does not
// match becomes snake_case, and the source's exact spelling is kept as `physicalName`, which is
// what ODCS calls the name in the source system.
import { isRecord, type OdcsContract, type OdcsProperty } from './odcs-shapes.js';

export interface NamingConventions {
  contractName?: RegExp;
  schemaObject?: RegExp;
  property?: RegExp;
}

/** The patterns of mesh.yaml's `naming` block (whole-value matches); invalid patterns are ignored. */
export function namingConventions(policy: Record<string, unknown> | undefined): NamingConventions {
  const naming = isRecord(policy?.naming) ? policy.naming : {};
  const out: NamingConventions = {};
  for (const key of ['contractName', 'schemaObject', 'property'] as const) {
    const source = key === 'schemaObject' ? (naming.object ?? naming.schemaObject) : naming[key];
    if (typeof source !== 'string') continue;
    try {
      out[key] = new RegExp(`^(?:${source.replace(/^\^/, '').replace(/\$$/, '')})$`, 'u');
    } catch {
      // A broken pattern is lint's to report; importing goes on without it.
    }
  }
  return out;
}

/** `OrderLines`, `Order Lines`, `order-lines` → `order_lines`. */
export function snakeCase(name: string): string {
  const s = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  return /^[a-z]/.test(s) ? s : `n_${s}`;
}

export interface Renamed {
  path: string;
  from: string;
  to: string;
}

export function conformNames(contract: OdcsContract, naming: NamingConventions): { contract: OdcsContract; renamed: Renamed[] } {
  const renamed: Renamed[] = [];
  const out: OdcsContract = structuredClone(contract);
  const fix = (pattern: RegExp | undefined, element: { name?: unknown; physicalName?: unknown }, path: string, keepPhysical: boolean) => {
    if (!pattern || typeof element.name !== 'string' || pattern.test(element.name)) return;
    const to = snakeCase(element.name);
    if (!pattern.test(to)) return;
    renamed.push({ path, from: element.name, to });
    if (keepPhysical && element.physicalName === undefined) element.physicalName = element.name;
    element.name = to;
  };
  fix(naming.contractName, out, 'name', false);
  const walk = (props: OdcsProperty[] | undefined, path: string) => {
    (props ?? []).forEach((p, i) => {
      fix(naming.property, p, `${path}[${i}]`, true);
      walk(p.properties, `${path}[${i}].properties`);
      if (p.items) walk(p.items.properties, `${path}[${i}].items.properties`);
    });
  };
  (out.schema ?? []).forEach((o, i) => {
    fix(naming.schemaObject, o, `schema[${i}]`, true);
    walk(o.properties, `schema[${i}].properties`);
  });
  return { contract: out, renamed };
}
