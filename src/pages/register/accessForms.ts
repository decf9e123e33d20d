/**
 * The two other ways into the app besides registering as a resident: the first-run setup (the
 * deploy's one-time code makes the first user the street admin) and a staff invitation. Checked
 * with the server's own schemas, so the page says what the function would say.
 */
import { RedeemInviteInput, SetupInput } from '../../../types/users';
import { fieldErrorsOf, type FieldErrors } from '../../lib/fieldErrors';

export interface AccessForm {
  code: string;
  name: string;
  phone: string;
}

export const EMPTY_ACCESS_FORM: AccessForm = { code: '', name: '', phone: '' };

export const validateSetupForm = (form: AccessForm): { data: SetupInput | null; errors: FieldErrors } => {
  const result = SetupInput.safeParse({ code: form.code.trim(), name: form.name.trim(), phone: form.phone.trim() });
  return result.success ? { data: result.data, errors: {} } : { data: null, errors: fieldErrorsOf(result.error.issues) };
};

/**
 * Someone not yet registered also gives a name and phone (the server asks for them then); a
 * registered user only the code. Empty optional fields are left out rather than sent blank.
 */
export const validateInviteForm = (form: AccessForm, registered: boolean): { data: RedeemInviteInput | null; errors: FieldErrors } => {
  const input: Record<string, string> = { code: form.code.trim().toUpperCase() };
  if (form.name.trim()) input.name = form.name.trim();
  if (form.phone.trim()) input.phone = form.phone.trim();
  const result = RedeemInviteInput.safeParse(input);
  const errors = result.success ? {} : fieldErrorsOf(result.error.issues);
  if (!registered) {
    if (!input.name) errors.name ??= '请填写姓名';
    if (!input.phone) errors.phone ??= '请填写手机号';
  }
  return Object.keys(errors).length === 0 && result.success ? { data: result.data, errors: {} } : { data: null, errors };
};
