import { z } from './zod';

/** Time is epoch milliseconds everywhere in contracts and storage; display converts to UTC+8. */
export const Timestamp = z.number().check(z.int(), z.gte(0));

export const Id = z.string().check(z.minLength(1, '缺少编号'), z.maxLength(64, '编号格式不正确'));

/** Trimmed text with Chinese messages that name the field. */
export const text = (label: string, max: number, min = 1) =>
  z.string({ error: `请填写${label}` }).check(
    z.trim(),
    z.minLength(min, min <= 1 ? `请填写${label}` : `${label}至少${min}个字`),
    z.maxLength(max, `${label}不超过${max}个字`),
  );

export const optionalText = (label: string, max: number) =>
  z.optional(z.string({ error: `${label}格式不正确` }).check(z.trim(), z.maxLength(max, `${label}不超过${max}个字`)));

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;
export const Phone = z.string({ error: '请填写手机号' }).check(z.trim(), z.regex(PHONE_PATTERN, '请填写11位手机号'));

export const intIn = (label: string, min: number, max: number) =>
  z.number({ error: `请填写${label}` }).check(
    z.int(`${label}须为整数`),
    z.gte(min, `${label}不能小于${min}`),
    z.lte(max, `${label}不能大于${max}`),
  );

/** Years a date in this product can fall in: anything else is a typing error, not a plan. */
const inYears = (year: number) => year >= 2000 && year <= 2099;

/** A calendar date that exists (2026-02-30 does not). */
export const isRealDate = (date: string): boolean => {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m || !inYears(Number(m[1]))) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCFullYear() === Number(m[1]) && d.getUTCMonth() === Number(m[2]) - 1 && d.getUTCDate() === Number(m[3]);
};

/**
 * A calendar date in Asia/Shanghai, as typed on a form (2026-12-01), that exists: the one date
 * schema of every action, so an impossible date is a VALIDATION answer naming the field.
 */
export const CalendarDate = (label = '日期') =>
  z.string({ error: `请选择${label}` }).check(
    z.regex(/^\d{4}-\d{2}-\d{2}$/, `${label}格式应为 YYYY-MM-DD`),
    z.refine(isRealDate, `${label}不存在，请重新选择`),
  );

export const DateString = CalendarDate();

/** A month: 2026-12. */
export const MonthString = z.string({ error: '请选择月份' }).check(
  z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'),
  z.refine((m) => inYears(Number(m.slice(0, 4))), '月份不存在，请重新选择'),
);

/** A clock time on a form: 19:00. */
export const ClockTime = (label = '时间') => z.string({ error: `请选择${label}` }).check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, `${label}格式应为 HH:mm`));

/** Where the next page starts: the previous page's `nextCursor`, opaque to the client. */
export const Cursor = z.string({ error: '分页参数无效' }).check(z.maxLength(512, '分页参数无效'));

export const PageInput = z.object({
  cursor: z.optional(Cursor),
  pageSize: z.optional(z.number().check(z.int(), z.gte(1), z.lte(50, '每页最多50条'))),
});
export type PageInput = z.infer<typeof PageInput>;

export const page = <T extends z.ZodMiniType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export const EmptyInput = z.object({});
export const OkOutput = z.object({ ok: z.literal(true) });
