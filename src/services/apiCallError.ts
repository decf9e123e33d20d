import type { ApiError, ErrorCode } from '../../types/errors';

/** A refusal from a cloud function (or a transport fault mapped onto the same codes). */
export class ApiCallError extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  /** RATE_LIMITED: how long until the same kind of action is accepted again. */
  readonly retryAfterSeconds?: number;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    if (error.fields) this.fields = error.fields;
    if (error.retryAfterSeconds !== undefined) this.retryAfterSeconds = error.retryAfterSeconds;
  }
}

/** The Chinese message to show for anything a call may throw. */
export const messageOf = (error: unknown): string => {
  if (error instanceof ApiCallError) {
    // The functions say how long to wait in their words; a bare 太频繁 (a gateway's default
    // message) still gets the wait from retryAfterSeconds, since "later" alone leaves people guessing.
    if (error.code === 'RATE_LIMITED' && error.retryAfterSeconds !== undefined && !/\d+(小时|分钟)[^，。]*后再试/.test(error.message)) {
      return `${error.message.replace(/，?请稍后再试$/, '')}，请${waitText(error.retryAfterSeconds)}后再试`;
    }
    return error.message;
  }
  return '网络异常，请稍后重试';
};

/** 3小时5分钟, 25分钟, 1分钟 (as the functions word it). */
export const waitText = (seconds: number): string => {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${minutes}分钟`;
  return rest === 0 ? `${hours}小时` : `${hours}小时${rest}分钟`;
};

/**
 * The server's answer to a WeChat user with no account yet (FORBIDDEN “请先完成注册”, see
 * runtime/defineFunction): pages invite them to register instead of reporting a failure.
 */
export const isUnregistered = (error: unknown): boolean =>
  error instanceof ApiCallError && error.code === 'FORBIDDEN' && error.message.includes('注册');
