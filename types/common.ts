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

/** A calendar date in Asia/Shanghai, as typed on a form: 2026-12-01. */
export const DateString = z.string({ error: '请选择日期' }).check(z.regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD'));

/** A month: 2026-12. */
export const MonthString = z.string({ error: '请选择月份' }).check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/, '月份格式应为 YYYY-MM'));

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
