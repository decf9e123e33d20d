import { DEFAULT_MESSAGES, type ApiError, type ErrorCode } from '../../../types/errors';

/** A refusal the caller can act on: it becomes `{ok:false, error}` and changes nothing. */
export class DomainError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string = DEFAULT_MESSAGES[code],
    readonly fields?: Record<string, string>,
  ) {
    super(message);
    this.name = 'DomainError';
  }

  toApiError(): ApiError {
    return this.fields ? { code: this.code, message: this.message, fields: this.fields } : { code: this.code, message: this.message };
  }
}

export const fail = (code: ErrorCode, message?: string, fields?: Record<string, string>): never => {
  throw new DomainError(code, message, fields);
};

export const notFound = (what: string): never => fail('NOT_FOUND', `${what}不存在`);
