// What exporters share: picking the schema objects to export and reading keys and uniqueness
// the way ODCS spells them.
import { isRecord, type OdcsContract, type OdcsObject, type OdcsProperty } from '../import/odcs-shapes.js';

/** A contract that cannot be exported as asked (unknown object, nothing to export). */
export class ExportError extends Error {
  override name = 'ExportError';
}

/** The contract's schema objects, or only the one named `name` (by name or physicalName). */
export function selectObjects(contract: OdcsContract, name?: string): OdcsObject[] {
  const objects = (Array.isArray(contract.schema) ? contract.schema : []).filter((o): o is OdcsObject => isRecord(o) && typeof o.name === 'string');
  if (objects.length === 0) throw new ExportError(`contract ${contract.id ?? ''} has no schema objects to export`.replace('  ', ' '));
  if (name === undefined) return objects;
  const found = objects.filter((o) => o.name === name || o.physicalName === name);
  if (found.length === 0) throw new ExportError(`no schema object named "${name}" (objects: ${objects.map((o) => o.name).join(', ')})`);
  return found;
}

export function propertiesOf(object: { properties?: unknown }): OdcsProperty[] {
  return Array.isArray(object.properties) ? object.properties.filter((p): p is OdcsProperty => isRecord(p) && typeof p.name === 'string') : [];
}

/** Primary-key property names in primaryKeyPosition order. */
export function primaryKeyOf(object: OdcsObject): string[] {
  return propertiesOf(object)
    .filter((p) => p.primaryKey === true)
    .map((p, i) => ({ name: p.name as string, position: typeof p.primaryKeyPosition === 'number' && p.primaryKeyPosition > 0 ? p.primaryKeyPosition : 1000 + i }))
    .sort((a, b) => a.position - b.position)
    .map((p) => p.name);
}

/** Property sets declared unique together: object-level `duplicateValues` rules naming several properties. */
export function uniqueCombinationsOf(object: OdcsObject): string[][] {
  const out: string[][] = [];
  for (const q of Array.isArray(object.quality) ? object.quality : []) {
    const props = q.arguments?.properties;
    if (q.metric === 'duplicateValues' && (q.mustBe === 0 || q.mustBeLessOrEqualTo === 0) && Array.isArray(props) && props.length > 1) out.push(props.map(String));
  }
  return out;
}

/** `decimal(12,2)` / `numeric(12, 2)` / `NUMBER(12,2)` → precision and scale. */
export function decimalOf(physicalType: unknown): { precision: number; scale: number } | undefined {
  if (typeof physicalType !== 'string') return undefined;
  const m = /^\s*(?:decimal|numeric|number|bignumeric)\s*\(\s*(\d+)\s*(?:,\s*(\d+)\s*)?\)\s*$/i.exec(physicalType);
  return m ? { precision: Number(m[1]), scale: m[2] === undefined ? 0 : Number(m[2]) } : undefined;
}

/** `customers.customer_id` → table and column, for foreign keys. */
export function splitReference(to: unknown): { table: string; column: string } | undefined {
  if (typeof to !== 'string') return undefined;
  // ODCS 3.1 fully qualified form: `[other.odcs.yaml]#/schema/<object>/properties/<property>`.
  const hash = to.indexOf('#');
  if (hash !== -1) {
    const [section, table, properties, column] = to.slice(hash + 1).split('/').filter(Boolean).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
    return section === 'schema' && properties === 'properties' && table && column ? { table, column } : undefined;
  }
  const parts = to.split('.');
  if (parts.length < 2) return undefined;
  return { table: parts.slice(0, -1).join('.'), column: parts[parts.length - 1] };
}

/** Foreign-key targets a property declares (`relationships: [{to: table.column}]`). */
export function foreignKeysOf(property: OdcsProperty): { table: string; column: string }[] {
  const rels = Array.isArray(property.relationships) ? property.relationships : [];
  return rels
    .filter((r): r is Record<string, unknown> => isRecord(r) && (r.type === undefined || r.type === 'foreignKey'))
    .map((r) => splitReference(r.to))
    .filter((r): r is { table: string; column: string } => r !== undefined);
}

export function optionsOf(property: OdcsProperty): Record<string, unknown> {
  return isRecord(property.logicalTypeOptions) ? property.logicalTypeOptions : {};
}

/** The name a property has in the physical system (a column, an Avro field): physicalName, else name. */
export function physicalNameOf(property: OdcsProperty): string {
  return String(property.physicalName ?? property.name);
}

/** Physical names for a list of logical property names of an object (unknown names unchanged). */
export function physicalNames(object: OdcsObject, names: string[]): string[] {
  const props = propertiesOf(object);
  return names.map((n) => {
    const p = props.find((q) => q.name === n);
    return p ? physicalNameOf(p) : n;
  });
}
