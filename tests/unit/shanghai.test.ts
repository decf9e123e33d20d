import { formatShanghai, isRealDate, shanghaiParts } from '../../src/lib/shanghai';

describe('Shanghai calendar without a date library', () => {
  it('formats an instant in +08:00 whatever the host zone', () => {
    const at = Date.parse('2026-12-31T16:05:00Z'); // 2027-01-01 00:05 in Shanghai
    expect(formatShanghai(at, 'YYYY-MM-DD HH:mm')).toBe('2027-01-01 00:05');
    expect(formatShanghai(at, 'YYYY年M月D日')).toBe('2027年1月1日');
    expect(formatShanghai(at, 'M月D日 HH:mm')).toBe('1月1日 00:05');
    expect(shanghaiParts(at).weekday).toBe(5); // a Friday
  });

  it('knows real calendar dates', () => {
    expect(isRealDate('2026-02-28')).toBe(true);
    expect(isRealDate('2028-02-29')).toBe(true);
    expect(isRealDate('2026-02-30')).toBe(false);
    expect(isRealDate('2026-2-3')).toBe(false);
    expect(isRealDate('')).toBe(false);
  });
});
