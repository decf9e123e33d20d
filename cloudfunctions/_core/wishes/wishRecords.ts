import type { WishStatus } from '../../../types/wishes';
import type { Ports } from '../ports';
import { assertSameCommunity } from '../runtime/access';
import type { Caller } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import { WISHES, type WishDoc } from './wishDocs';
import type { Viewer } from './wishRules';

export const viewerOf = (caller: Caller): Viewer => ({ userId: caller.user._id, role: caller.role });

/** Loads a wish the caller's community owns; another community's wish is FORBIDDEN. */
export const loadWish = async (ports: Ports, caller: Caller, wishId: string): Promise<WishDoc> => {
  const wish = (await ports.store.get<WishDoc>(WISHES, wishId)) ?? notFound('心愿');
  assertSameCommunity(caller, wish);
  return wish;
};

export const reloadWish = async (ports: Ports, wishId: string): Promise<WishDoc> =>
  (await ports.store.get<WishDoc>(WISHES, wishId)) ?? notFound('心愿');

/** Why a wish in this state cannot take the step asked for. */
const STATE_REFUSALS: Record<WishStatus, string> = {
  pending_review: '该心愿尚在审核中',
  open: '该心愿还未被认领',
  rejected: '该心愿未通过审核',
  claimed: '该心愿已被认领',
  fulfilled: '该心愿已圆梦，正在等待确认',
  confirmed: '该心愿已确认圆梦',
  withdrawn: '该心愿已撤回',
  expired: '该心愿已过期',
};

export const stateConflict = (status: WishStatus, message = STATE_REFUSALS[status]): DomainError => new DomainError('CONFLICT', message);
