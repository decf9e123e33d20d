import { DEFAULT_MESSAGES, type ApiError, type ErrorCode } from '../../../types/errors';

/** A refusal the caller can act on: it becomes `{ok:false, error}` and changes nothing. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = DEFAULT_MESSAGES[code],
    readonly fields?: Record<string, string>,
    /** RATE_LIMITED: seconds until the action is accepted again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toApiError(): ApiError {
    return {
      code: this.code,
      message: this.message,
      ...(this.fields ? { fields: this.fields } : {}),
      ...(this.retryAfterSeconds !== undefined ? { retryAfterSeconds: this.retryAfterSeconds } : {}),
    };
  }
}

export const fail = (code: ErrorCode, message?: string, fields?: Record<string, string>): never => {
  throw new DomainError(code, message, fields);
};

export const notFound = (what: string): never => fail('NOT_FOUND', `${what}不存在`);
