import { ServiceItemFields, type ServiceItem } from '../../../../types/menu';
import { fieldErrorsOf, type FieldErrors } from '../../../lib/fieldErrors';

/** What the inputs hold: numbers stay text until validation so a half-typed value is not lost. */
export interface ItemForm {
  categoryId: string;
  title: string;
  description: string;
  skills: string[];
  duration: string;
  quota: string;
}

export const EMPTY_ITEM_FORM: ItemForm = { categoryId: '', title: '', description: '', skills: [], duration: '60', quota: '' };

export const itemFormOf = (item: ServiceItem): ItemForm => ({
  categoryId: item.categoryId,
  title: item.title,
  description: item.description,
  skills: [...item.skills],
  duration: String(item.durationMinutes),
  quota: item.monthlyQuota === null ? '' : String(item.monthlyQuota),
});

const numberOrUndefined = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));

/** Validated by the same schema the server applies; an empty quota means 不限. */
export const validateItemForm = (form: ItemForm): { data: ServiceItemFields | null; errors: FieldErrors } => {
  const result = ServiceItemFields.safeParse({
    categoryId: form.categoryId,
    title: form.title,
    description: form.description,
    skills: form.skills,
    durationMinutes: numberOrUndefined(form.duration),
    monthlyQuota: form.quota.trim() === '' ? null : Number(form.quota.trim()),
  });
  if (result.success) return { data: result.data, errors: {} };
  const errors = fieldErrorsOf(result.error.issues);
  if (errors.categoryId && !form.categoryId) errors.categoryId = '请选择服务分类';
  return { data: null, errors };
};
