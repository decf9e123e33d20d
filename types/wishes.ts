/** Contracts of the `wishes` function. */
export const WISHES_API = {} as const;
