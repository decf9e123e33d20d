import { CancelInput } from '../../../../types/orders';
import { fieldErrorsOf } from '../../../lib/fieldErrors';

/** The server's rule for staff: a reason is required (its words), at most 100 characters. */
export const staffCancelProblem = (orderId: string, reason: string): string | null => {
  if (reason.trim() === '') return '请填写取消原因';
  const parsed = CancelInput.safeParse({ orderId, reason });
  return parsed.success ? null : (fieldErrorsOf(parsed.error.issues).reason ?? null);
};
