// The JSON Schema download of a schema object accepts rows that satisfy the contract and rejects others.
import path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadMesh } from '../../../src/load/load-mesh.js';
import { objectJsonSchema } from '../../../src/site/json-schema.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ROOT = path.resolve('test/fixtures/site/mesh');
let validate: (row: unknown) => boolean;
let schema: Record<string, unknown>;

beforeAll(async () => {
  const { mesh } = await loadMesh('contracts', { root: ROOT, cwd: ROOT });
  const orders = mesh.contracts.find((c) => c.data.id === 'shop-orders')?.data as Record<string, unknown>;
  schema = objectJsonSchema(orders, (orders.schema as Record<string, unknown>[])[0]);
  validate = addFormats(new Ajv2020({ strict: false })).compile(schema);
});

const row = {
  order_id: '4a7c7d7e-9c1f-4b8e-8d3a-0f6f3b1e2a11',
  email: 'ada@example.com',
  delivery: { city: 'Berlin', postal_code: '10115' },
  lines: [{ sku: 'A-1', quantity: 2 }],
  loaded_at: '2025-06-01T10:00:00Z',
};

describe('objectJsonSchema', () => {
  it('is a valid 2020-12 schema that accepts a conforming row', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    expect(validate(row)).toBe(true);
  });

  it('rejects a missing required property, a wrong type, a broken constraint and an unknown property', () => {
    expect(validate({ ...row, order_id: undefined })).toBe(false);
    expect(validate({ ...row, order_id: 'not-a-uuid' })).toBe(false);
    expect(validate({ ...row, lines: [{ sku: 'A-1', quantity: 0 }] })).toBe(false);
    expect(validate({ ...row, delivery: { postal_code: '1' } })).toBe(false);
    expect(validate({ ...row, surprise: 1 })).toBe(false);
  });

  it('lets optional properties be null', () => {
    expect(validate({ ...row, email: null })).toBe(true);
  });
});
