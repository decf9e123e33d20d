/**
 * The value types of WeChat subscribe message fields and their limits (WeChat's
 * "subscribeMessage.send" documentation). A value that breaks its type's limit makes WeChat refuse
 * the whole message (47003), so every value is cut to fit before it is sent.
 */
import { dateOf } from '../time';

export const FIELD_TYPES = [
  'thing',
  'number',
  'letter',
  'symbol',
  'character_string',
  'time',
  'date',
  'amount',
  'phone_number',
  'car_number',
  'name',
  'phrase',
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export type ParamValue = string | number;

const chars = (s: string) => Array.from(s);

/** At most `max` characters; a cut value ends in `…` so the reader sees it goes on. */
const cut = (s: string, max: number, ellipsis = true): string => {
  const all = chars(s);
  if (all.length <= max) return s;
  return ellipsis ? `${all.slice(0, max - 1).join('')}…` : all.slice(0, max).join('');
};

const keep = (s: string, allowed: RegExp) => chars(s).filter((c) => allowed.test(c)).join('');

const pad = (n: number) => String(n).padStart(2, '0');

/** 2026年12月12日 09:00, Asia/Shanghai. */
export const formatTime = (at: number): string => {
  const [y, m, d] = dateOf(at).split('-').map(Number);
  const clock = new Date(at + 8 * 3600_000);
  return `${y}年${m}月${d}日 ${pad(clock.getUTCHours())}:${pad(clock.getUTCMinutes())}`;
};

/** 2026年12月12日. */
export const formatDate = (at: number): string => {
  const [y, m, d] = dateOf(at).split('-').map(Number);
  return `${y}年${m}月${d}日`;
};

/** What WeChat shows for a missing value (several types refuse an empty one). */
const EMPTY: Record<FieldType, string> = {
  thing: '无',
  number: '0',
  letter: 'A',
  symbol: '-',
  character_string: '-',
  time: '-',
  date: '-',
  amount: '¥0',
  phone_number: '-',
  car_number: '-',
  name: '无',
  phrase: '通知',
};

/**
 * `value` as a field of `type` may carry it: a time or date given as epoch ms is formatted; text is
 * cut to its type's length (thing 20, name 10, phrase 5 汉字, character_string/number/letter 32,
 * symbol 5, phone_number 17, car_number 8, amount 10 digits) and stripped of characters the type
 * does not allow.
 */
export const fitField = (type: FieldType, value: ParamValue | undefined | null): string => {
  if (value === undefined || value === null || value === '') return EMPTY[type];
  if (typeof value === 'number' && (type === 'time' || type === 'date')) return type === 'time' ? formatTime(value) : formatDate(value);
  const text = String(value).replace(/\s+/g, ' ').trim();
  let out: string;
  switch (type) {
    case 'thing':
      out = cut(text, 20);
      break;
    case 'name':
      // Letters only may run to 20; anything with 汉字 to 10.
      out = /^[A-Za-z ]+$/.test(text) ? cut(text, 20, false) : cut(text, 10, false);
      break;
    case 'phrase':
      out = cut(keep(text, /[\u4e00-\u9fa5]/), 5, false);
      break;
    case 'character_string':
      out = cut(keep(text, /[A-Za-z0-9!-/:-@[-`{-~]/), 32, false);
      break;
    case 'number':
      out = cut(keep(text, /[0-9.]/), 32, false);
      break;
    case 'letter':
      out = cut(keep(text, /[A-Za-z]/), 32, false);
      break;
    case 'symbol':
      out = cut(keep(text, /[^A-Za-z0-9\u4e00-\u9fa5\s]/), 5, false);
      break;
    case 'amount': {
      const digits = cut(keep(text, /[0-9.]/), 10, false);
      out = digits ? `¥${digits}` : '';
      break;
    }
    case 'phone_number':
      out = cut(keep(text, /[0-9+\-() ]/), 17, false);
      break;
    case 'car_number':
      out = cut(text, 8, false);
      break;
    case 'time':
    case 'date':
      out = cut(text, 32, false);
      break;
  }
  return out || EMPTY[type];
};
