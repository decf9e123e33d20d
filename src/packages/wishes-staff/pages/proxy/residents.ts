import type { UserSummary } from '../../../../../types/users';

/** Residents and members a wish can be posted for, the elderly first (they are who 代发 is for). */
export const residentsForProxy = (users: readonly UserSummary[]): UserSummary[] =>
  users
    .filter((u) => u.role === 'resident' || u.role === 'member')
    .map((u, index) => ({ u, index }))
    .sort((a, b) => Number(b.u.elderly) - Number(a.u.elderly) || a.index - b.index)
    .map(({ u }) => u);
