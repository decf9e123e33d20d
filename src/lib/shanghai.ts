/**
 * Calendar values in Asia/Shanghai without a date library (the weapp main package stays small).
 * China has no daylight saving, so a fixed +08:00 offset is exact; the device's own time zone is
 * never used (WeChat on Android gets it wrong with dayjs's tz plugin, and hosts here run in UTC).
 */
const OFFSET_MS = 8 * 60 * 60 * 1000;

export interface ShanghaiParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

export const shanghaiParts = (epochMs: number): ShanghaiParts => {
  const d = new Date(epochMs + OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    weekday: d.getUTCDay(),
  };
};

const pad = (n: number) => (n < 10 ? `0${n}` : String(n));

/** Formats with the tokens YYYY, MM, M, DD, D, HH, mm (as dayjs would). */
export const formatShanghai = (epochMs: number, pattern: string): string => {
  const p = shanghaiParts(epochMs);
  const tokens: Record<string, string> = {
    YYYY: String(p.year),
    MM: pad(p.month),
    M: String(p.month),
    DD: pad(p.day),
    D: String(p.day),
    HH: pad(p.hour),
    mm: pad(p.minute),
  };
  return pattern.replace(/YYYY|MM|M|DD|D|HH|mm/g, (token) => tokens[token]);
};

/** The instant a Shanghai calendar date starts: 2026-12-01 → epoch ms of 2026-12-01T00:00+08:00. */
export const shanghaiMidnight = (date: string): number => Date.parse(`${date}T00:00:00+08:00`);

/** 2026-02-30 parses (JavaScript rolls it over to March) but is not a real day. */
export const isRealDate = (date: string): boolean => {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return false;
  const at = shanghaiMidnight(date);
  return !Number.isNaN(at) && formatShanghai(at, 'YYYY-MM-DD') === date;
};
