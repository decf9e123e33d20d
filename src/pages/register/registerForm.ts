import { RegisterInput } from '../../../types/users';
import { fieldErrorsOf, type FieldErrors } from '../../lib/fieldErrors';

export interface RegisterForm {
  communityId: string;
  name: string;
  phone: string;
  building: string;
  room: string;
}

export const EMPTY_REGISTER_FORM: RegisterForm = { communityId: '', name: '', phone: '', building: '', room: '' };

/** The schema's messages, except that an unchosen community reads as a choice, not a missing id. */
export const validateRegisterForm = (form: RegisterForm): { data: RegisterInput | null; errors: FieldErrors } => {
  const result = RegisterInput.safeParse(form);
  if (result.success) return { data: result.data, errors: {} };
  const errors = fieldErrorsOf(result.error.issues);
  if (errors.communityId && !form.communityId) errors.communityId = '请选择所在社区';
  return { data: null, errors };
};
