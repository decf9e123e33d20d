import type { Caller } from './defineFunction';
import { DomainError } from './domainError';

/** Every record belongs to one community; only a street admin crosses that line. */
export const assertSameCommunity = (caller: Caller, record: { communityId: string }): void => {
  if (caller.role !== 'admin' && record.communityId !== caller.communityId) {
    throw new DomainError('FORBIDDEN', '无权访问其他社区的数据');
  }
};
