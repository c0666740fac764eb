// Deterministic generator of realistic meshes for benchmarks and scale tests.
// Same seed + options → byte-identical files. Contracts are valid ODCS v3.1.0 with nested objects,
// arrays, quality rules, SLAs, servers, support, team, classification/PII tags and $refs to a
// shared fragment; ODPS products wire lineage across domains; CODEOWNERS gives each domain a team.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';

/** Small, fast, seedable PRNG (mulberry32). */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    pick: (list) => list[Math.floor(next() * list.length)],
    chance: (p) => next() < p,
  };
}

const DOMAIN_WORDS = ['sales', 'customers', 'logistics', 'finance', 'marketing', 'inventory', 'payments', 'support', 'hr', 'risk', 'pricing', 'catalog', 'fulfilment', 'billing', 'identity', 'analytics'];
const NOUNS = ['order', 'invoice', 'shipment', 'customer', 'payment', 'refund', 'ticket', 'product', 'campaign', 'lead', 'account', 'session', 'return', 'supplier', 'warehouse', 'contract', 'claim', 'subscription', 'event', 'review'];
const SUFFIXES = ['events', 'daily', 'snapshot', 'facts', 'lines', 'history', 'summary', 'ledger', 'status', 'feed'];
const COLUMN_WORDS = ['amount', 'currency', 'status', 'created_at', 'updated_at', 'country', 'channel', 'quantity', 'price', 'discount', 'region', 'source', 'category', 'score', 'reason', 'code', 'note', 'weight', 'priority', 'version'];
const PII_COLUMNS = ['email', 'phone_number', 'full_name', 'birth_date', 'street_address', 'ip_address'];
const SCALARS = [
  { logicalType: 'string', physicalType: 'varchar(255)' },
  { logicalType: 'integer', physicalType: 'bigint' },
  { logicalType: 'number', physicalType: 'numeric(18,2)' },
  { logicalType: 'boolean', physicalType: 'boolean' },
  { logicalType: 'date', physicalType: 'date' },
  { logicalType: 'timestamp', physicalType: 'timestamp' },
];
const SERVERS = [
  (d, n) => ({ server: 'warehouse', type: 'snowflake', environment: 'prod', account: 'acme-prod', database: d.toUpperCase(), schema: 'PUBLIC' }),
  (d, n) => ({ server: 'lake', type: 's3', environment: 'prod', location: `s3://acme-${d}/${n}/`, format: 'parquet' }),
  (d, n) => ({ server: 'stream', type: 'kafka', environment: 'prod', host: 'kafka.acme.internal:9092', format: 'avro' }),
  (d, n) => ({ server: 'analytics', type: 'bigquery', environment: 'prod', project: `acme-${d}`, dataset: n }),
  (d, n) => ({ server: 'oltp', type: 'postgres', environment: 'prod', host: `${d}-db.acme.internal`, port: 5432, database: d, schema: 'public' }),
];

function yamlScalar(v) {
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (/^[A-Za-z_][\w .\/@-]*$/.test(v) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(v) && !/[:#]\s|\s$/.test(v)) return v;
  return JSON.stringify(v);
}

/** Minimal YAML emitter for plain data (block style), enough for generated documents. */
export function toYaml(value, indent = '') {
  if (Array.isArray(value)) {
    if (value.length === 0) return ' []';
    return value
      .map((item) => {
        if (item !== null && typeof item === 'object' && !Array.isArray(item)) {
          const body = toYaml(item, indent + '  ');
          return `\n${indent}- ${body.replace(/^\n\s*/, '')}`;
        }
        return `\n${indent}- ${yamlScalar(item)}`;
      })
      .join('');
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value)
      .map(([k, v]) => {
        if (v !== null && typeof v === 'object') {
          if (Array.isArray(v) && v.length === 0) return `\n${indent}${k}: []`;
          return `\n${indent}${k}:${toYaml(v, Array.isArray(v) ? indent : indent + '  ')}`;
        }
        return `\n${indent}${k}: ${yamlScalar(v)}`;
      })
      .join('');
  }
  return ` ${yamlScalar(value)}`;
}

function document(obj) {
  return toYaml(obj).replace(/^\n/, '') + '\n';
}

function propertyCount(r) {
  // Mostly small and medium contracts, a long tail up to 200 properties.
  const x = r.next();
  if (x < 0.6) return r.int(5, 25);
  if (x < 0.9) return r.int(26, 60);
  return r.int(61, 200);
}

function makeProperty(r, name, i) {
  const t = r.pick(SCALARS);
  const p = { id: `p_${name}`, name, logicalType: t.logicalType, physicalType: t.physicalType, description: `The ${name.replace(/_/g, ' ')} of the record.` };
  if (r.chance(0.3)) p.required = true;
  if (t.logicalType === 'string' && r.chance(0.3)) p.logicalTypeOptions = { maxLength: r.pick([16, 64, 255]) };
  if (t.logicalType === 'integer' && r.chance(0.3)) p.logicalTypeOptions = { minimum: 0 };
  if (r.chance(0.2)) p.examples = [t.logicalType === 'string' ? `sample-${i}` : i];
  if (r.chance(0.15)) p.quality = [{ type: 'library', metric: 'nullValues', mustBeLessThan: r.int(1, 50), unit: 'rows', description: `${name} is mostly filled` }];
  return p;
}

function makeObject(r, domain, name, props, withRef) {
  const properties = [
    { id: `p_${name}_id`, name: `${name}_id`, logicalType: 'string', physicalType: 'varchar(36)', required: true, unique: true, primaryKey: true, primaryKeyPosition: 1, description: `Identifier of the ${name}.`, classification: 'internal' },
  ];
  const used = new Set(properties.map((p) => p.name));
  for (let i = 0; properties.length < props; i++) {
    if (r.chance(0.06)) {
      const col = r.pick(PII_COLUMNS);
      if (used.has(col)) continue;
      used.add(col);
      properties.push({ id: `p_${col}`, name: col, logicalType: col === 'birth_date' ? 'date' : 'string', description: `Personal data: ${col.replace(/_/g, ' ')}.`, classification: 'restricted', tags: ['pii', 'gdpr'] });
      continue;
    }
    if (r.chance(0.04) && props > 8) {
      const nested = `${r.pick(NOUNS)}_details_${i}`;
      used.add(nested);
      properties.push({ id: `p_${nested}`, name: nested, logicalType: 'object', description: 'Nested attributes.', properties: [makeProperty(r, 'code', i), makeProperty(r, 'label', i)] });
      continue;
    }
    if (r.chance(0.03) && props > 8) {
      const arr = `${r.pick(NOUNS)}_items_${i}`;
      used.add(arr);
      properties.push({ id: `p_${arr}`, name: arr, logicalType: 'array', description: 'Repeated line items.', items: { logicalType: 'object', properties: [makeProperty(r, 'sku', i), makeProperty(r, 'qty', i)] } });
      continue;
    }
    const col = `${r.pick(COLUMN_WORDS)}_${i}`;
    if (used.has(col)) continue;
    used.add(col);
    properties.push(makeProperty(r, col, i));
  }
  if (withRef) properties.push({ $ref: '../_shared/audit-columns.yaml#/created_at' });
  return {
    id: `o_${name}`,
    name,
    physicalName: `${domain}_${name}`,
    logicalType: 'object',
    physicalType: 'table',
    description: `One row per ${name.replace(/_/g, ' ')} in the ${domain} domain.`,
    properties,
    quality: [
      { type: 'library', metric: 'rowCount', mustBeGreaterThan: 0, description: 'Never empty after a load' },
      { type: 'sql', query: `SELECT COUNT(*) FROM ${domain}_${name} WHERE ${name}_id IS NULL`, mustBe: 0, description: 'Identifiers are always set' },
    ],
  };
}

export function domainNames(count) {
  const names = [];
  for (let i = 0; i < count; i++) names.push(i < DOMAIN_WORDS.length ? DOMAIN_WORDS[i] : `${DOMAIN_WORDS[i % DOMAIN_WORDS.length]}${Math.floor(i / DOMAIN_WORDS.length) + 1}`);
  return names;
}

/**
 * Generates a mesh as a map of relative path → file text.
 * options: { contracts, domains?, products?, seed?, policyDir? (folder with mesh.yaml/domain.yaml to copy conventions from) }
 */
export function generateMesh(options) {
  const r = prng(options.seed ?? 42);
  const total = options.contracts;
  const domains = domainNames(options.domains ?? Math.max(4, Math.round(total / 100)));
  const files = new Map();
  const policyDir = options.policyDir;
  const meshPolicy = policyDir && existsSync(join(policyDir, 'mesh.yaml')) ? readFileSync(join(policyDir, 'mesh.yaml'), 'utf8') : undefined;
  if (meshPolicy) files.set('contracts/mesh.yaml', meshPolicy);
  files.set(
    'contracts/_shared/audit-columns.yaml',
    document({
      created_at: { id: 'p_created_at', name: 'created_at', logicalType: 'timestamp', physicalType: 'timestamp', required: true, description: 'When the row was first written.' },
      updated_at: { id: 'p_updated_at', name: 'updated_at', logicalType: 'timestamp', physicalType: 'timestamp', description: 'When the row was last changed.' },
    }),
  );
  const codeowners = ['# Generated mesh: one team per domain', '/contracts/mesh.yaml @acme/platform', '/contracts/_shared/ @acme/platform'];
  const contractIds = new Map(domains.map((d) => [d, []]));
  for (const d of domains) {
    codeowners.push(`/contracts/${d}/ @acme/${d}-data`);
    files.set(`contracts/${d}/domain.yaml`, domainYaml(d, r.int(1, 3)));
  }
  for (let n = 0; n < total; n++) {
    const domain = domains[n % domains.length];
    const noun = r.pick(NOUNS);
    const name = `${noun}_${r.pick(SUFFIXES)}_${n}`;
    const id = `${domain}-${name.replace(/_/g, '-')}`;
    contractIds.get(domain).push(id);
    const tier = r.int(1, 3);
    const objects = [makeObject(r, domain, name, propertyCount(r), r.chance(0.3))];
    if (r.chance(0.25)) objects.push(makeObject(r, domain, `${noun}_items_${n}`, r.int(5, 15), false));
    const contract = {
      apiVersion: 'v3.1.0',
      kind: 'DataContract',
      id,
      name,
      version: `${r.int(1, 4)}.${r.int(0, 9)}.${r.int(0, 9)}`,
      status: r.chance(0.9) ? 'active' : r.pick(['draft', 'deprecated']),
      domain,
      dataProduct: `${domain}-${noun}`,
      tags: [domain, noun],
      description: {
        purpose: `Every ${noun} of the ${domain} domain, as published for downstream analytics and operations.`,
        usage: `Join on ${name}_id. Filter on status for current records.`,
        limitations: 'Late-arriving records are corrected by the next load.',
      },
      schema: objects,
      servers: [SERVERS[n % SERVERS.length](domain, name)],
      support: [
        { channel: `#${domain}-data`, tool: 'slack', url: `https://acme.slack.com/channels/${domain}-data`, scope: 'interactive' },
        { channel: `${domain}-data@acme.example`, tool: 'email', url: `mailto:${domain}-data@acme.example`, scope: 'issues' },
      ],
      team: { name: `@acme/${domain}-data`, members: [{ username: `${domain}-owner`, name: `${domain} owner`, role: 'owner' }] },
      slaProperties: [
        { property: 'latency', value: tier === 1 ? 1 : tier === 2 ? 6 : 24, unit: 'h', element: `${name}.${name}_id` },
        { property: 'availability', value: tier === 1 ? 99.9 : 99.5, unit: '%' },
        { property: 'retention', value: r.int(1, 3), unit: 'y' },
        { property: 'frequency', value: tier === 1 ? 15 : 1, unit: tier === 1 ? 'm' : 'd' },
      ],
      customProperties: [{ property: 'tier', value: tier }],
    };
    files.set(`contracts/${domain}/${name}.odcs.yaml`, document(contract));
  }
  // Products: each consumes contracts of two other domains and outputs one of its own.
  const productCount = options.products ?? Math.max(3, Math.round(total / 20));
  for (let p = 0; p < productCount; p++) {
    const domain = domains[p % domains.length];
    const own = contractIds.get(domain);
    if (!own.length) continue;
    const inputs = [];
    for (let k = 1; k <= 2; k++) {
      const other = contractIds.get(domains[(p + k * 7 + 1) % domains.length]);
      if (other?.length && domains[(p + k * 7 + 1) % domains.length] !== domain) inputs.push(r.pick(other));
    }
    const id = `${domain}-product-${p}`;
    files.set(
      `contracts/${domain}/product_${p}.odps.yaml`,
      document({
        apiVersion: 'v1.0.0',
        kind: 'DataProduct',
        id,
        name: `${domain} product ${p}`,
        status: 'active',
        domain,
        inputPorts: inputs.map((c, i) => ({ name: `in_${i}`, version: '1.0.0', contractId: c })),
        outputPorts: [{ name: 'out', version: '1.0.0', contractId: own[p % own.length] }],
      }),
    );
  }
  files.set('CODEOWNERS', codeowners.join('\n') + '\n');
  return files;
}

function domainYaml(domain, tier) {
  return document({
    apiVersion: 'mesh/v1',
    kind: 'Domain',
    name: domain,
    description: `The ${domain} domain.`,
    team: `@acme/${domain}-data`,
    tier,
    support: [{ channel: `#${domain}-data`, tool: 'slack', url: `https://acme.slack.com/channels/${domain}-data` }],
  });
}

/** The kinds of change mutateMesh applies, in turn: half compatible, half breaking. */
export const MUTATIONS = [
  { name: 'add-optional-property', breaking: false },
  { name: 'remove-property', breaking: true },
  { name: 'reword-description', breaking: false },
  { name: 'rename-property', breaking: true },
  { name: 'relax-sla-latency', breaking: true },
  { name: 'add-tag', breaking: false },
];

/**
 * A PR-shaped change set: `count` contracts of a generated mesh changed deterministically (same
 * files + seed -> same changes), cycling through MUTATIONS. Breaking changes bump the major version,
 * compatible ones the minor, so a correct PR passes `mesh breaking`. Returns path -> new text, and
 * path -> mutation name in `changes`.
 */
export async function mutateMesh(files, { count, seed = 1 }) {
  const { default: jsyaml } = await import('js-yaml');
  const r = prng(seed);
  const contracts = [...files.keys()].filter((p) => p.endsWith('.odcs.yaml')).sort();
  const chosen = new Set();
  while (chosen.size < Math.min(count, contracts.length)) chosen.add(contracts[Math.floor(r.next() * contracts.length)]);
  const out = new Map();
  const changes = new Map();
  let k = 0;
  for (const path of [...chosen].sort()) {
    const mutation = MUTATIONS[k++ % MUTATIONS.length];
    const doc = jsyaml.load(files.get(path));
    const object = doc.schema[0];
    const props = object.properties;
    const plain = props.filter((p) => !p.$ref && !p.primaryKey && p.logicalType !== 'object' && p.logicalType !== 'array');
    switch (mutation.name) {
      case 'add-optional-property':
        props.splice(props.length - (props.at(-1)?.$ref ? 1 : 0), 0, { id: `p_added_${k}`, name: `added_${k}`, logicalType: 'string', physicalType: 'varchar(64)', description: 'Added by a pull request.' });
        break;
      case 'remove-property':
        props.splice(props.indexOf(plain.at(-1) ?? props.at(-1)), 1);
        break;
      case 'reword-description':
        doc.description.purpose += ' Now also covers late corrections.';
        break;
      case 'rename-property': {
        const p = plain.at(-1);
        if (p) p.name = `${p.name}_renamed`;
        break;
      }
      case 'relax-sla-latency': {
        const latency = doc.slaProperties.find((s) => s.property === 'latency');
        latency.value *= 2;
        break;
      }
      case 'add-tag':
        doc.tags.push('reviewed');
        break;
    }
    const [major, minor] = doc.version.split('.').map(Number);
    doc.version = mutation.breaking ? `${major + 1}.0.0` : `${major}.${minor + 1}.0`;
    out.set(path, document(doc));
    changes.set(path, mutation.name);
  }
  return { files: out, changes };
}
