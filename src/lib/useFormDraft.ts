import { useState } from 'react';
import type { FieldErrors } from './fieldErrors';

/**
 * A form's values and its per-field Chinese errors: `set(field)` changes one value and clears
 * that field's error, so a message disappears as soon as the person corrects the field.
 */
export const useFormDraft = <T extends object>(initial: T | (() => T)) => {
  const [draft, setDraft] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const set =
    <K extends keyof T>(field: K) =>
    (value: T[K]) => {
      setDraft((current) => ({ ...current, [field]: value }));
      setErrors((current) => ({ ...current, [field]: '' }));
    };
  return { draft, setDraft, errors, setErrors, set };
};
