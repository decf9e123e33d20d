import type { z } from '../../../types/zod';
import { DomainError } from './domainError';

/** A zod failure as a VALIDATION answer: the first message on top, every field's message beside it. */
export const validationError = (error: z.core.$ZodError, fallback?: string): DomainError => {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.map(String).join('.') || '_';
    if (!fields[key]) fields[key] = issue.message;
  }
  const first = error.issues[0]?.message;
  return new DomainError('VALIDATION', fallback ?? first ?? '提交的信息有误', fields);
};
