import type { ApiError, ErrorCode } from '../../types/errors';

/** A refusal from a cloud function (or a transport fault mapped onto the same codes). */
export class ApiCallError extends Error implements ApiError {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;

  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.code = error.code;
    if (error.fields) this.fields = error.fields;
  }
}

/** The Chinese message to show for anything a call may throw. */
export const messageOf = (error: unknown): string => {
  if (error instanceof ApiCallError) return error.message;
  return '网络异常，请稍后重试';
};

/**
 * The server's answer to a WeChat user with no account yet (FORBIDDEN “请先完成注册”, see
 * runtime/defineFunction): pages invite them to register instead of reporting a failure.
 */
export const isUnregistered = (error: unknown): boolean =>
  error instanceof ApiCallError && error.code === 'FORBIDDEN' && error.message.includes('注册');
