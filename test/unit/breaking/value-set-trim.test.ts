// The json-schema-diff cross-check compares only the properties that differ between two versions
// of a schema object (a record schema accepts the product of what it accepts per property). These
// tests check that the verdicts are those of the whole records, on hand-written changes and on
// small generated contracts edited at random.
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
// @ts-expect-error: plain JavaScript generator shared with the benchmarks
import { generateMesh, prng } from '../../../scripts/lib/mesh-generator.mjs';
import { valueSetChecks, withoutCommonProperties } from '../../../src/breaking/confirm.js';
import { objectToJsonSchema } from '../../../src/export/jsonschema.js';

type Obj = Record<string, any>;
const prop = (name: string, extra: Obj = {}): Obj => ({ name, logicalType: 'string', ...extra });
const contract = (properties: Obj[]) => ({ apiVersion: 'v3.1.0', kind: 'DataContract', id: 'c', version: '1.0.0', schema: [{ name: 'o', properties }] });
const base = [prop('a', { required: true }), prop('b'), prop('n', { logicalType: 'integer' }), prop('addr', { logicalType: 'object', properties: [prop('city', { required: true }), prop('zip')] }), prop('tags', { logicalType: 'array', items: prop('tag') })];

const EDITS: [string, (props: Obj[]) => void][] = [
  ['an optional property added', (p) => p.push(prop('new'))],
  ['a required property added', (p) => p.push(prop('new', { required: true }))],
  ['a property removed', (p) => p.splice(1, 1)],
  ['a required property removed', (p) => p.splice(0, 1)],
  ['required → optional', (p) => (p[0].required = false)],
  ['optional → required', (p) => (p[1].required = true)],
  ['integer → number', (p) => (p[2].logicalType = 'number')],
  ['number bound relaxed', (p) => (p[2].logicalTypeOptions = { maximum: 10 })],
  ['a nested property made optional', (p) => (p[3].properties[0].required = false)],
  ['array items retyped', (p) => (p[4].items.logicalType = 'integer')],
  ['a property renamed', (p) => (p[1].name = 'b2')],
  ['valid values added', (p) => (p[1].quality = [{ metric: 'invalidValues', arguments: { validValues: ['x', 'y'] }, mustBe: 0 }])],
  ['only a description', (p) => (p[1].description = 'now described')],
];

describe('json-schema-diff on the differing properties only', () => {
  for (const [name, change] of EDITS) {
    it(`${name}: same verdict as the whole records`, async () => {
      const old = contract(structuredClone(base));
      const neu = contract(structuredClone(base));
      change(neu.schema[0].properties);
      expect(await valueSetChecks(old, neu)).toEqual(await valueSetChecks(old, neu, { trim: false }));
    });
  }

  it('drops exactly the properties both versions hold identically, and their required entries', () => {
    const old = objectToJsonSchema({ name: 'o', properties: base });
    const changed = structuredClone(base);
    changed[2].logicalType = 'number';
    changed[0].required = false;
    const [a, b] = withoutCommonProperties(old, objectToJsonSchema({ name: 'o', properties: changed }));
    expect(Object.keys(a.properties as Obj).sort()).toEqual(['a', 'n']);
    expect(Object.keys(b.properties as Obj).sort()).toEqual(['a', 'n']);
    expect(a.required).toEqual(['a']);
    expect(b.required).toBeUndefined();
  });

  it('gives the verdicts of the whole records on small generated contracts edited at random', async () => {
    const rnd = prng(11);
    const contracts: Obj[] = [];
    for (const [rel, text] of generateMesh({ contracts: 80, seed: 5, policyDir: 'contracts' }) as Map<string, string>) {
      if (!rel.endsWith('.odcs.yaml')) continue;
      const data = yaml.load(text) as Obj;
      for (const o of data.schema ?? []) o.properties = (o.properties ?? []).filter((p: Obj) => !p.$ref);
      if (data.schema.every((o: Obj) => o.properties.length <= 12)) contracts.push(data);
    }
    expect(contracts.length).toBeGreaterThan(10);
    let compared = 0;
    for (const old of contracts.slice(0, 15)) {
      const neu = structuredClone(old);
      for (const object of neu.schema) {
        const props: Obj[] = object.properties;
        for (let e = 0; e < 2 && props.length; e++) {
          const p = props[rnd.int(0, props.length - 1)];
          const which = rnd.int(0, 4);
          if (which === 0) p.required = !p.required;
          else if (which === 1) props.splice(props.indexOf(p), 1);
          else if (which === 2) props.push(prop(`added_${e}`, { required: rnd.int(0, 1) === 1 }));
          else if (which === 3) p.logicalType = p.logicalType === 'integer' ? 'number' : 'integer';
          else p.name = `${p.name}_x`;
        }
      }
      const whole = await valueSetChecks(old, neu, { trim: false });
      compared += whole.length;
      expect(await valueSetChecks(old, neu)).toEqual(whole);
    }
    expect(compared).toBeGreaterThan(10);
  });
});
