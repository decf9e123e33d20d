/** Contracts of the `activities` function. */
export const ACTIVITIES_API = {} as const;
