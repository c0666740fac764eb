// The schema table of a contract page: one row per property, nested properties (objects and array
// items) indented under their parent, with the quality rules that check each property next to it.
import type { ObjectView, PropertyRow, QualityView, Tone } from './model.js';
import { renderMarkdown } from './markdown.js';
import { slugify, PAGES } from './urls.js';
import { display, isRecord, records, str, strings } from './values.js';

const OPERATORS: [string, string][] = [
  ['mustBe', '='],
  ['mustNotBe', '≠'],
  ['mustBeGreaterThan', '>'],
  ['mustBeGreaterOrEqualTo', '≥'],
  ['mustBeLessThan', '<'],
  ['mustBeLessOrEqualTo', '≤'],
  ['mustBeBetween', 'between'],
  ['mustNotBeBetween', 'not between'],
];

const METRICS: Record<string, string> = {
  nullValues: 'null values',
  missingValues: 'missing values',
  invalidValues: 'invalid values',
  duplicateValues: 'duplicate values',
  rowCount: 'row count',
};

/** One quality rule as a short human sentence ("duplicate values = 0", "SQL check = 0"). */
export function qualityView(rule: Record<string, unknown>): QualityView {
  const type = str(rule.type) ?? (rule.query ? 'sql' : rule.metric || rule.rule ? 'library' : 'text');
  const metric = str(rule.metric) ?? str(rule.rule);
  const subject = metric ? (METRICS[metric] ?? metric) : type === 'sql' ? 'SQL check' : type === 'custom' ? `${str(rule.engine) ?? 'custom'} check` : undefined;
  let condition = '';
  for (const [key, symbol] of OPERATORS) {
    if (rule[key] === undefined) continue;
    const value = rule[key];
    condition = Array.isArray(value) && value.length === 2 ? `${symbol} ${value[0]} and ${value[1]}` : `${symbol} ${display(value)}`;
    break;
  }
  const unit = str(rule.unit);
  const valid = isRecord(rule.arguments) ? rule.arguments.validValues : undefined;
  const extra = Array.isArray(valid) ? ` (allowed: ${valid.map(display).join(', ')})` : '';
  const zero = rule.mustBe === 0 || rule.mustBe === '0';
  const plain =
    zero && Array.isArray(valid) && metric === 'invalidValues'
      ? `allowed values: ${valid.map(display).join(', ')}`
      : zero && (metric === 'nullValues' || metric === 'missingValues' || metric === 'duplicateValues')
        ? `no ${METRICS[metric]}`
        : undefined;
  const label = plain
    ? plain
    : subject
    ? `${subject}${condition ? ` ${condition}` : ''}${unit && unit !== 'rows' ? ` ${unit}` : ''}${extra}`
    : (str(rule.description) ?? str(rule.name) ?? 'quality rule');
  return {
    id: str(rule.id) ?? str(rule.name),
    label,
    type,
    dimension: str(rule.dimension),
    severity: str(rule.severity),
    description: subject ? str(rule.description) : undefined,
    query: str(rule.query),
  };
}

export function classificationTone(classification: string | undefined, levels: readonly string[]): Tone {
  if (!classification) return 'neutral';
  const i = levels.indexOf(classification);
  if (i < 0) return 'neutral';
  if (i === levels.length - 1) return 'bad';
  if (i === levels.length - 2) return 'warn';
  if (i === 0) return 'ok';
  return 'info';
}

const CONSTRAINT_KEYS = ['format', 'pattern', 'minLength', 'maxLength', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minItems', 'maxItems', 'uniqueItems', 'timezone', 'defaultTimezone', 'multipleOf'];

function constraintsOf(property: Record<string, unknown>): string[] {
  const options = isRecord(property.logicalTypeOptions) ? property.logicalTypeOptions : {};
  const out: string[] = [];
  for (const key of CONSTRAINT_KEYS) if (options[key] !== undefined) out.push(`${key} ${display(options[key])}`);
  for (const [key, value] of Object.entries(options)) if (!CONSTRAINT_KEYS.includes(key)) out.push(`${key} ${display(value)}`);
  return out;
}

function referencesOf(property: Record<string, unknown>): string[] {
  return records(property.relationships)
    .map((r) => str(r.to))
    .filter((s): s is string => s !== undefined);
}

export interface RowContext {
  levels: readonly string[];
  defaultClassification?: string;
}

/** Every property of an object, depth-first, nested ones after their parent. */
export function propertyRows(object: Record<string, unknown>, ctx: RowContext, objectAnchor = slugify(str(object.name) ?? 'object')): PropertyRow[] {
  const rows: PropertyRow[] = [];
  const walk = (properties: unknown, depth: number, prefix: string) => {
    for (const property of records(properties)) {
      const name = str(property.name) ?? str(property.id) ?? '(unnamed)';
      const path = prefix ? `${prefix}.${name}` : name;
      const classification = str(property.classification);
      const items = isRecord(property.items) ? property.items : undefined;
      const itemType = items ? str(items.logicalType) : undefined;
      const logicalType = str(property.logicalType) ?? (property.properties ? 'object' : items ? 'array' : 'any');
      rows.push({
        depth,
        name,
        path,
        anchor: `${objectAnchor}--${slugify(path)}`,
        businessName: str(property.businessName),
        logicalType: logicalType === 'array' && itemType ? `array<${itemType}>` : logicalType,
        physicalType: str(property.physicalType),
        required: property.required === true,
        unique: property.unique === true,
        primaryKey: property.primaryKey === true,
        primaryKeyPosition: typeof property.primaryKeyPosition === 'number' && property.primaryKeyPosition > 0 ? property.primaryKeyPosition : undefined,
        partitioned: property.partitioned === true,
        criticalDataElement: property.criticalDataElement === true,
        classification,
        classificationTone: classificationTone(classification, ctx.levels),
        tags: strings(property.tags),
        examples: Array.isArray(property.examples) ? property.examples.slice(0, 5).map(display) : [],
        constraints: constraintsOf(property),
        description: str(property.description),
        quality: records(property.quality).map(qualityView),
        references: referencesOf(property),
      });
      if (property.properties) walk(property.properties, depth + 1, path);
      if (items?.properties) walk(items.properties, depth + 1, `${path}[]`);
    }
  };
  walk(object.properties, 0, '');
  return rows;
}

export function objectViews(data: Record<string, unknown>, slug: string, ctx: RowContext): ObjectView[] {
  return records(data.schema).map((object, i) => {
    const name = str(object.name) ?? `object ${i + 1}`;
    const anchor = `object-${slugify(name)}`;
    return {
      name,
      anchor,
      businessName: str(object.businessName),
      physicalName: str(object.physicalName),
      physicalType: str(object.physicalType),
      description: renderMarkdown(object.description),
      granularity: str(object.dataGranularityDescription),
      rows: propertyRows(object, ctx, anchor),
      quality: records(object.quality).map(qualityView),
      jsonSchemaHref: PAGES.jsonSchemaDownload(slug, name),
    };
  });
}

/** The most sensitive classification among all rows (unclassified rows count as the default). */
export function highestClassification(objects: readonly ObjectView[], ctx: RowContext): string | undefined {
  let best = -1;
  let bestName: string | undefined;
  for (const object of objects) {
    for (const row of object.rows) {
      const c = row.classification ?? ctx.defaultClassification;
      if (!c) continue;
      const rank = ctx.levels.indexOf(c);
      if (rank > best || (bestName === undefined && rank === -1)) {
        best = Math.max(best, rank);
        bestName = c;
      }
    }
  }
  return bestName;
}
