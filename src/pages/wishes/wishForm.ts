import { WishFields, deadlineTooFarMessage, latestWishDeadline } from '../../../types/wishes';
import { fieldErrorsOf, type FieldErrors } from '../../lib/fieldErrors';
import { defaultDeadline, isRealDate, todayInShanghai } from './wishTime';

/** What the inputs hold: the value stays text until validation so a half-typed number is not lost. */
export interface WishForm {
  beneficiaryType: string;
  kind: string;
  title: string;
  content: string;
  value: string;
  deadline: string;
  photos: string[];
}

export const emptyWishForm = (now: number = Date.now(), beneficiaryType = ''): WishForm => ({
  beneficiaryType,
  kind: '',
  title: '',
  content: '',
  value: '',
  deadline: defaultDeadline(now),
  photos: [],
});

const numberOrUndefined = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));

/**
 * Validated by the schema the server applies (WishFields), plus the two date checks the server
 * makes against its clock, with the server's words: a day that does not exist, a day already past,
 * a day more than MAX_DEADLINE_DAYS ahead.
 */
export const validateWishForm = (form: WishForm, now: number = Date.now()): { data: WishFields | null; errors: FieldErrors } => {
  const result = WishFields.safeParse({
    beneficiaryType: form.beneficiaryType,
    kind: form.kind,
    title: form.title,
    content: form.content,
    value: numberOrUndefined(form.value),
    deadline: form.deadline,
    photos: form.photos.length > 0 ? form.photos : undefined,
  });
  const errors: FieldErrors = result.success ? {} : fieldErrorsOf(result.error.issues);
  if (!errors.deadline && form.deadline) {
    if (!isRealDate(form.deadline)) errors.deadline = '截止日期不存在，请重新选择';
    else if (form.deadline < todayInShanghai(now)) errors.deadline = '截止日期不能早于今天';
    else if (form.deadline > latestWishDeadline(todayInShanghai(now))) errors.deadline = deadlineTooFarMessage(todayInShanghai(now));
  }
  if (!result.success || Object.keys(errors).length > 0) return { data: null, errors };
  return { data: result.data, errors: {} };
};
