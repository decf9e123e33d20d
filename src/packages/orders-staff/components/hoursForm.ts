import { AdjustHoursInput } from '../../../../types/hours';
import { fieldErrorsOf, type FieldErrors } from '../../../lib/fieldErrors';

export interface HoursDraft {
  hours: string;
  reason: string;
}

/** The typed hours correction as the server's schema sees it: the same Chinese messages on both sides. */
export const checkHoursAdjustment = (memberId: string, draft: HoursDraft) => {
  const hours = draft.hours.trim() === '' ? Number.NaN : Number(draft.hours);
  const parsed = AdjustHoursInput.safeParse({ memberId, hours: Number.isNaN(hours) ? undefined : hours, reason: draft.reason });
  return parsed.success
    ? ({ ok: true, input: parsed.data } as const)
    : ({ ok: false, errors: fieldErrorsOf(parsed.error.issues) as FieldErrors } as const);
};
