import type { UserSummary } from '../../../../types/users';

/** 长辈 first: they are who 代点单 is mostly for; otherwise the server's order. */
export const elderlyFirst = (residents: readonly UserSummary[]): UserSummary[] => [
  ...residents.filter((r) => r.elderly),
  ...residents.filter((r) => !r.elderly),
];
