// actions/breaking annotates a change that only exists in the base at its nearest surviving ancestor
// in the head file. Output ports are keyed by name and version, so a removed `orders@1.0.0` is never
// annotated on the `orders@2.0.0` that stays.
import { describe, expect, it } from 'vitest';
import { headPointer } from '../../../actions/breaking/src/head-pointer.js';

describe('headPointer on ODPS output ports', () => {
  const base = { outputPorts: [{ name: 'orders', version: '1.0.0' }, { name: 'orders', version: '2.0.0' }] };

  it('stops at the outputPorts list when the removed version is gone, although a port of that name stays', () => {
    expect(headPointer(base, { outputPorts: [{ name: 'orders', version: '2.0.0' }] }, ['outputPorts', 0])).toEqual(['outputPorts']);
  });

  it('follows a port of the same name and version to its new position', () => {
    expect(headPointer(base, { outputPorts: [{ name: 'x', version: '1.0.0' }, { name: 'orders', version: '2.0.0' }] }, ['outputPorts', 1])).toEqual(['outputPorts', 1]);
  });

  it('still matches contract elements (no version) by name', () => {
    expect(headPointer({ schema: [{ name: 'a' }, { name: 'b' }] }, { schema: [{ name: 'b' }] }, ['schema', 1])).toEqual(['schema', 0]);
  });
});
