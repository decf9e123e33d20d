/** Stable error codes: clients branch on these, never on the Chinese message. */
export const ERROR_CODES = [
  'VALIDATION',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'FULL',
  'QUOTA',
  'LIMIT',
  'RATE_LIMITED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Per-field Chinese messages for form validation, keyed by field path ("phone", "items.0.title"). */
  fields?: Record<string, string>;
  /** RATE_LIMITED: how long to wait before the same kind of action is accepted again. */
  retryAfterSeconds?: number;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Default Chinese message per code, for answers that have nothing more specific to say. */
export const DEFAULT_MESSAGES: Record<ErrorCode, string> = {
  VALIDATION: '提交的信息有误，请检查后重试',
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '没有权限进行此操作',
  NOT_FOUND: '内容不存在或已被删除',
  CONFLICT: '状态已变化，请刷新后重试',
  FULL: '名额已满',
  QUOTA: '本月名额已用完',
  LIMIT: '已达到数量上限',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  INTERNAL: '系统繁忙，请稍后再试',
};
