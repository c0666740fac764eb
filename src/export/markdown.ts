// ODCS → Markdown: a readable page for a contract (what it is, who owns it, the schema as tables,
// quality rules, SLAs, servers). Text from the contract is escaped so it cannot break the tables.
import { isRecord, validValuesOf, type OdcsContract, type OdcsObject, type OdcsProperty, type OdcsQuality } from '../import/odcs-shapes.js';
import { optionsOf, propertiesOf, selectObjects } from './contract-objects.js';

export interface MarkdownExportOptions {
  object?: string;
}

export function exportMarkdown(contract: OdcsContract, options: MarkdownExportOptions = {}): string {
  const out: string[] = [];
  const title = typeof contract.name === 'string' ? contract.name : contract.id;
  out.push(`# ${inline(title)}`, '');
  const facts: [string, unknown][] = [
    ['Id', code(contract.id)],
    ['Version', contract.version],
    ['Status', contract.status],
    ['Domain', contract.domain],
    ['Data product', contract.dataProduct],
    ['Team', teamName(contract.team)],
    ['Tags', Array.isArray(contract.tags) ? contract.tags.map((t) => code(String(t))).join(', ') : undefined],
  ];
  out.push('| | |', '|---|---|');
  for (const [label, value] of facts) if (value !== undefined && value !== '') out.push(`| ${label} | ${cell(value)} |`);
  out.push('');
  const description = isRecord(contract.description) ? contract.description : {};
  for (const [key, label] of [['purpose', 'Purpose'], ['usage', 'Usage'], ['limitations', 'Limitations']] as const) {
    if (typeof description[key] === 'string') out.push(`## ${label}`, '', String(description[key]).trim(), '');
  }
  out.push('## Schema', '');
  for (const object of selectObjects(contract, options.object)) out.push(...objectSection(object));
  const sla = Array.isArray(contract.slaProperties) ? contract.slaProperties.filter(isRecord) : [];
  if (sla.length > 0) {
    out.push('## Service levels', '', '| Property | Value | Element | Description |', '|---|---|---|---|');
    for (const s of sla) out.push(`| ${cell(s.property)} | ${cell([s.value, s.unit].filter((v) => v !== undefined && v !== null).join(' '))} | ${cell(s.element)} | ${cell(s.description)} |`);
    out.push('');
  }
  const support = Array.isArray(contract.support) ? contract.support.filter(isRecord) : [];
  if (support.length > 0) {
    out.push('## Support', '');
    for (const s of support) out.push(`- ${inline(String(s.channel))}${s.tool ? ` (${inline(String(s.tool))})` : ''}${typeof s.url === 'string' ? `: <${s.url.replace(/[<>\s]/g, '')}>` : ''}`);
    out.push('');
  }
  const servers = Array.isArray(contract.servers) ? contract.servers.filter(isRecord) : [];
  if (servers.length > 0) {
    out.push('## Servers', '', '| Server | Type | Environment | Location |', '|---|---|---|---|');
    for (const s of servers) {
      const location = [s.host, s.database, s.schema, s.project, s.dataset, s.location, s.topic].filter((v) => v !== undefined).join(' / ');
      out.push(`| ${cell(s.server)} | ${cell(s.type)} | ${cell(s.environment)} | ${cell(location)} |`);
    }
    out.push('');
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd()}\n`;
}

function objectSection(object: OdcsObject): string[] {
  const out = [`### ${inline(object.name)}`, ''];
  if (typeof object.description === 'string') out.push(object.description.trim(), '');
  const rows = flatten(propertiesOf(object), '');
  out.push('| Property | Type | Required | Key | Classification | Description |', '|---|---|---|---|---|---|');
  for (const { path, property } of rows) {
    const type = [property.logicalType, property.physicalType ? `(${property.physicalType})` : undefined].filter(Boolean).join(' ');
    const key = [property.primaryKey ? `PK${typeof property.primaryKeyPosition === 'number' && property.primaryKeyPosition > 0 ? ` ${property.primaryKeyPosition}` : ''}` : undefined, property.unique ? 'unique' : undefined].filter(Boolean).join(', ');
    const constraints = constraintText(property);
    const description = [property.description, constraints].filter(Boolean).join(' — ');
    out.push(`| ${code(path)} | ${cell(type)} | ${property.required ? 'yes' : 'no'} | ${cell(key)} | ${cell(property.classification)} | ${cell(description)} |`);
  }
  out.push('');
  const rules = [...qualityRows(object.quality, object.name), ...rows.flatMap(({ path, property }) => qualityRows(property.quality, path))];
  if (rules.length > 0) out.push('Quality rules:', '', ...rules.map((r) => `- ${r}`), '');
  return out;
}

function flatten(properties: OdcsProperty[], prefix: string): { path: string; property: OdcsProperty }[] {
  const out: { path: string; property: OdcsProperty }[] = [];
  for (const p of properties) {
    const path = prefix ? `${prefix}.${p.name}` : String(p.name);
    out.push({ path, property: p });
    out.push(...flatten(propertiesOf(p), path));
    if (p.items) out.push(...flatten(propertiesOf(p.items), `${path}[]`));
  }
  return out;
}

function constraintText(property: OdcsProperty): string {
  const o = optionsOf(property);
  const parts = Object.entries(o).map(([k, v]) => `${k}: ${JSON.stringify(v)}`);
  const values = validValuesOf(property);
  if (values) parts.push(`one of ${values.map((v) => JSON.stringify(v)).join(', ')}`);
  return parts.join('; ');
}

function qualityRows(quality: unknown, at: string): string[] {
  if (!Array.isArray(quality)) return [];
  return quality.filter(isRecord).map((q: OdcsQuality) => {
    const what = q.description ?? (q.metric ? `${q.metric}${q.arguments ? ` ${JSON.stringify(q.arguments)}` : ''}` : q.query ? `SQL: ${q.query}` : q.engine ? `${q.engine} check` : 'rule');
    const op = Object.entries(q).find(([k]) => k.startsWith('must'));
    return `${code(at)}: ${inline(String(what))}${op ? ` ${op[0]} ${JSON.stringify(op[1])}` : ''}`;
  });
}

function teamName(team: unknown): string | undefined {
  if (isRecord(team)) return typeof team.name === 'string' ? team.name : typeof team.id === 'string' ? team.id : undefined;
  if (Array.isArray(team)) return team.filter(isRecord).map((m) => String(m.username ?? m.name)).join(', ');
  return typeof team === 'string' ? team : undefined;
}

function code(text: string | undefined): string | undefined {
  return text === undefined ? undefined : `\`${text.replace(/`/g, "'")}\``;
}

function inline(text: string): string {
  return text.replace(/([\\`*[\]<>|])/g, '\\$1').replace(/\s*\n\s*/g, ' ');
}

/** A table cell: no line breaks, pipes escaped; code spans left as they are. */
function cell(value: unknown): string {
  if (value === undefined || value === null) return '';
  const text = String(value);
  if (/^`[^`]*`(, `[^`]*`)*$/.test(text)) return text.replace(/\|/g, '\\|');
  return inline(text);
}
