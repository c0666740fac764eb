// Which dbt source feeds which contract SLO. dbt's sources.json only knows source ids
// (`source.jaffle_shop.raw.orders`); the mapping to a contract lives next to the contract, as an
// ODCS custom property (so the contract stays valid ODCS), or centrally in contracts/mesh.yaml:
//
//   customProperties:                         # in the contract
//     - property: dbtSources
//       value: [source.jaffle_shop.raw.orders]          # SLO `latency` of this contract
//     # or value: [{source: source.x.y.z, property: latency, element: orders.loaded_at}]
//
//   slo:                                      # in contracts/mesh.yaml
//     dbt:
//       source.jaffle_shop.raw.orders: { contract: <contract id>, property: latency }

export interface DbtTarget {
  contract: string;
  /** SLA property fed by the source's freshness; `latency` unless given. */
  property: string;
  element?: string;
}

/** dbt source unique_id → the SLOs its freshness result feeds. */
export type DbtSourceMapping = Map<string, DbtTarget[]>;

export const DBT_SOURCES_CUSTOM_PROPERTY = 'dbtSources';

export interface MappingProblem {
  file: string;
  message: string;
}

function add(mapping: DbtSourceMapping, source: string, target: DbtTarget): void {
  const list = mapping.get(source) ?? [];
  if (!list.some((t) => t.contract === target.contract && t.property === target.property && t.element === target.element)) {
    list.push(target);
  }
  mapping.set(source, list);
}

/**
 * Builds the mapping from contracts (custom property `dbtSources`) and the mesh policy
 * (`slo.dbt`). Entries that cannot be read are reported, not thrown.
 */
export function dbtSourceMapping(
  contracts: readonly { id: string; file: string; data: Record<string, unknown> }[],
  policy?: { file: string; data: Record<string, unknown> },
): { mapping: DbtSourceMapping; problems: MappingProblem[] } {
  const mapping: DbtSourceMapping = new Map();
  const problems: MappingProblem[] = [];
  for (const contract of contracts) {
    const custom = contract.data.customProperties;
    if (!Array.isArray(custom)) continue;
    for (const cp of custom) {
      if (!isRecord(cp) || cp.property !== DBT_SOURCES_CUSTOM_PROPERTY) continue;
      const values = Array.isArray(cp.value) ? cp.value : [cp.value];
      for (const v of values) {
        if (typeof v === 'string' && v.trim() !== '') add(mapping, v.trim(), { contract: contract.id, property: 'latency' });
        else if (isRecord(v) && typeof v.source === 'string') {
          add(mapping, v.source, {
            contract: contract.id,
            property: typeof v.property === 'string' ? v.property : 'latency',
            ...(typeof v.element === 'string' ? { element: v.element } : {}),
          });
        } else {
          problems.push({
            file: contract.file,
            message: `customProperties ${DBT_SOURCES_CUSTOM_PROPERTY}: expected a dbt source id or {source, property?, element?}, got ${JSON.stringify(v)}`,
          });
        }
      }
    }
  }
  const slo = policy?.data.slo;
  const dbt = isRecord(slo) ? slo.dbt : undefined;
  if (policy && dbt !== undefined) {
    if (!isRecord(dbt)) problems.push({ file: policy.file, message: 'slo.dbt must map dbt source ids to {contract, property?, element?}' });
    else {
      for (const [source, v] of Object.entries(dbt)) {
        const targets = Array.isArray(v) ? v : [v];
        for (const t of targets) {
          if (isRecord(t) && typeof t.contract === 'string') {
            add(mapping, source, {
              contract: t.contract,
              property: typeof t.property === 'string' ? t.property : 'latency',
              ...(typeof t.element === 'string' ? { element: t.element } : {}),
            });
          } else problems.push({ file: policy.file, message: `slo.dbt.${source}: expected {contract, property?, element?}` });
        }
      }
    }
  }
  return { mapping, problems };
}

export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
