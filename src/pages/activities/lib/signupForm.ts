import { MAX_ATTENDEES, SignUpFields, type ActivityView, type Attendee, type AttendeeRelation } from '../../../../types/activities';
import { ATTENDEE_RELATION_LABELS, ATTENDEE_RELATIONS } from '../../../../types/constants/activities';
import type { FieldErrors } from '../../../lib/fieldErrors';
import { ageRefusal, isAgeAllowed } from './activityLabels';

/** One attendee as the inputs hold it: the age stays text until validation. */
export interface AttendeeDraft {
  name: string;
  relation: AttendeeRelation | '';
  age: string;
}

export interface SignupDraft {
  attendees: AttendeeDraft[];
  /** A member signing up to serve rather than to attend. */
  volunteer: boolean;
}

export interface SignupPayload {
  attendees: Attendee[];
  volunteer?: boolean;
}

export const RELATION_OPTIONS = ATTENDEE_RELATIONS.map((value) => ({ value, label: ATTENDEE_RELATION_LABELS[value] }));

export const emptyAttendee = (): AttendeeDraft => ({ name: '', relation: '', age: '' });

/** The caller themself first: most people sign up themselves or add a child to it. */
export const initialSignupDraft = (selfName = ''): SignupDraft => ({
  attendees: [{ name: selfName, relation: 'self', age: '' }],
  volunteer: false,
});

export const canAddAttendee = (draft: SignupDraft): boolean => draft.attendees.length < MAX_ATTENDEES;

const ageValue = (text: string): number | undefined => (text.trim() === '' ? undefined : Number(text.trim()));

/**
 * Errors keyed by path, as the function reports them ("attendees.1.age"); the list itself under
 * "attendees". Checked with the schema the function applies and against the activity's audience.
 */
export const validateSignupDraft = (
  draft: SignupDraft,
  activity: Pick<ActivityView, 'ageMin' | 'ageMax'>,
): { data: SignupPayload | null; errors: FieldErrors } => {
  const result = SignUpFields.safeParse({
    attendees: draft.attendees.map((a) => ({ name: a.name, relation: a.relation || undefined, age: ageValue(a.age) })),
    ...(draft.volunteer ? { volunteer: true } : {}),
  });
  const errors: FieldErrors = {};
  if (!result.success) {
    for (const issue of result.error.issues) {
      const key = issue.path.length > 0 ? issue.path.map(String).join('.') : '_form';
      if (!(key in errors)) errors[key] = issue.message;
    }
  }
  // Volunteers serve the activity; the audience's ages are not theirs. Checked alongside the
  // schema, so every problem on the form shows at once.
  if (!draft.volunteer) {
    draft.attendees.forEach((a, i) => {
      const age = ageValue(a.age);
      const key = `attendees.${i}.age`;
      if (age !== undefined && Number.isInteger(age) && !(key in errors) && !isAgeAllowed(activity, age)) errors[key] = ageRefusal(activity);
    });
  }
  if (!result.success || Object.keys(errors).length > 0) return { data: null, errors };
  const data: SignupPayload = { attendees: result.data.attendees };
  if (result.data.volunteer) data.volunteer = true;
  return { data, errors: {} };
};
