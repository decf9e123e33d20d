import { AdjustPointsInput } from '../../../../types/points';
import { fieldErrorsOf, type FieldErrors } from '../../../lib/fieldErrors';

export interface AdjustDraft {
  delta: string;
  reason: string;
}

/** The typed form as the server's schema sees it: the same Chinese messages on the page and the server. */
export const checkAdjustment = (memberId: string, draft: AdjustDraft) => {
  const delta = draft.delta.trim() === '' ? Number.NaN : Number(draft.delta);
  const parsed = AdjustPointsInput.safeParse({ memberId, delta: Number.isNaN(delta) ? undefined : delta, reason: draft.reason });
  return parsed.success
    ? ({ ok: true, input: parsed.data } as const)
    : ({ ok: false, errors: fieldErrorsOf(parsed.error.issues) as FieldErrors } as const);
};
