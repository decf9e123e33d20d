import { RateFields, type RATING_TAGS } from '../../../../types/orders';
import type { z } from '../../../../types/zod';
import { fieldErrorsOf, type FieldErrors } from '../../../lib/fieldErrors';

export type RatingTag = (typeof RATING_TAGS)[number];
export type RateData = z.output<typeof RateFields>;

export interface RatingForm {
  stars: number | null;
  tags: string[];
  comment: string;
}

export const EMPTY_RATING_FORM: RatingForm = { stars: null, tags: [], comment: '' };

export const STAR_LABELS: Record<number, string> = { 1: '非常不满意', 2: '不满意', 3: '一般', 4: '满意', 5: '非常满意' };

/** The schema the server applies to 评菜; an untouched row of stars reads as a prompt to tap one. */
export const validateRatingForm = (form: RatingForm): { data: RateData | null; errors: FieldErrors } => {
  const result = RateFields.safeParse({
    stars: form.stars ?? undefined,
    tags: form.tags,
    comment: form.comment.trim() === '' ? undefined : form.comment,
  });
  if (result.success) return { data: result.data, errors: {} };
  const errors = fieldErrorsOf(result.error.issues);
  if (errors.stars && form.stars === null) errors.stars = '请点击星星评分';
  return { data: null, errors };
};
