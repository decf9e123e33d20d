import { randomId, stableId } from '../../cloudfunctions/_core/runtime/ids';

describe('ids', () => {
  test('a stable id depends on every part, and only on them', () => {
    expect(stableId('o', 'u1', 'req-1')).toBe(stableId('o', 'u1', 'req-1'));
    expect(stableId('o', 'u1', 'req-1')).not.toBe(stableId('o', 'u1', 'req-2'));
    expect(stableId('o', 'u1', 'req-1')).not.toBe(stableId('o', 'u2', 'req-1'));
    // Joining without a separator would make these collide.
    expect(stableId('o', 'ab', 'c')).not.toBe(stableId('o', 'a', 'bc'));
    expect(stableId('o', 'x')).toMatch(/^o_[0-9a-f]{24}$/);
  });

  test('random ids do not repeat', () => {
    const ids = new Set(Array.from({ length: 10000 }, () => randomId()));
    expect(ids.size).toBe(10000);
  });
});
