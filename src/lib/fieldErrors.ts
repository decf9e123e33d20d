/** A zod issue as far as a form cares: where it is and what to say. */
interface IssueLike {
  path: ReadonlyArray<PropertyKey>;
  message: string;
}

export type FieldErrors = Record<string, string>;

/** The first Chinese message per field ("phone", "skills"), for showing under each input. */
export const fieldErrorsOf = (issues: ReadonlyArray<IssueLike>): FieldErrors => {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const key = issue.path.length > 0 ? String(issue.path[0]) : '_form';
    if (!(key in errors)) errors[key] = issue.message;
  }
  return errors;
};
