import { describe, expect, it } from 'vitest';
import { findMarker, hasMarker, hiddenJson, marker, readHiddenJson } from '../../../src/github/markers.js';

describe('hidden markers', () => {
  it('finds the key of a marker anywhere in an edited body', () => {
    const body = `Notes added by a person\n\n${marker('mesh-slo', 'sales-orders/latency/orders.ts')}\nrest`;
    expect(findMarker(body, 'mesh-slo')).toBe('sales-orders/latency/orders.ts');
    expect(hasMarker(body, 'mesh-slo', 'sales-orders/latency/orders.ts')).toBe(true);
    expect(findMarker(body, 'mesh-sticky')).toBeUndefined();
    expect(findMarker(null, 'mesh-slo')).toBeUndefined();
  });

  it('round-trips JSON state even when it contains text that would end an HTML comment', () => {
    const state = { observed: 'a --> b', n: -5, nested: { x: '--' } };
    const text = hiddenJson('mesh-slo-state', state);
    expect(text.slice(4, -3)).not.toContain('--');
    expect(readHiddenJson(`before\n${text}\nafter`, 'mesh-slo-state')).toEqual(state);
  });

  it('ignores a damaged state comment instead of throwing', () => {
    expect(readHiddenJson('<!-- mesh-slo-state: {broken} -->', 'mesh-slo-state')).toBeUndefined();
  });
});
