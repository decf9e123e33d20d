/**
 * Timed rules of micro-wishes. Both run over every community (a timer has no caller), page through
 * by `_id` so that documents leaving the filter as they change never shift a page, and change each
 * wish with a guard on the state it leaves: a second copy running at the same time changes nothing
 * twice, and only the copy whose change landed gives the claimer's slot back.
 */
import type { Job } from '../scheduler/job';
import { SYSTEM_ACTOR, timelineEvent } from '../runtime/timeline';
import type { Ports } from '../ports';
import { cmd, upd, type Filter } from '../store/port';
import { dateOf } from '../time';
import { returnClaimSlot } from './claimCounter';
import { WISHES, type WishDoc } from './wishDocs';
import { noticeAutoReleased } from './wishNotices';
import { autoReleaseCutoff } from './wishRules';
import { countEvents } from '../stats/countStats';
import { latestWishEvent } from '../stats/wishStats';

const PAGE = 1000;

/** Calls `visit` for every matching wish, one page of ids at a time, and sums what it changed. */
const forEachWish = async (ports: Ports, filter: Filter, visit: (wish: WishDoc) => Promise<boolean>): Promise<number> => {
  let changed = 0;
  let after: string | null = null;
  for (;;) {
    const page: WishDoc[] = await ports.store.find<WishDoc>(WISHES, after === null ? filter : { ...filter, _id: cmd.gt(after) }, {
      orderBy: [['_id', 'asc']],
      limit: PAGE,
    });
    for (const wish of page) if (await visit(wish)) changed++;
    if (page.length < PAGE) return changed;
    after = page[page.length - 1]._id;
  }
};

export const AUTO_RELEASE_NOTE = '超过14天未完成，系统自动释放';

/** Claimed and not fulfilled within 14 days of claiming → open again, the claimer's slot returned. */
export const autoReleaseJob: Job = {
  name: 'wishes.autoRelease',
  async run(ports) {
    const now = ports.clock.now();
    const cutoff = autoReleaseCutoff(now);
    return forEachWish(ports, { status: 'claimed', claimedAt: cmd.lte(cutoff) }, async (seen) => {
      if (!seen.claimerId) return false;
      // Guarded on the claim we found: not released, fulfilled or claimed again meanwhile.
      const released = await ports.store.updateAndReturn<WishDoc>(
        WISHES,
        { _id: seen._id, status: 'claimed', claimerId: seen.claimerId, claimedAt: cmd.lte(cutoff) },
        {
          status: 'open',
          claimerId: null,
          claimerName: null,
          claimedAt: null,
          updatedAt: now,
          timeline: upd.push(timelineEvent(SYSTEM_ACTOR, now, 'claimed', 'open', AUTO_RELEASE_NOTE)),
        },
      );
      if (!released) return false;
      await Promise.all([returnClaimSlot(ports, seen.claimerId, seen._id), noticeAutoReleased(ports, seen, seen.claimerId, now), countEvents(ports, latestWishEvent(released))]);
      return true;
    });
  },
};

/** Open past the end of its deadline date (Asia/Shanghai) → expired. */
export const expireJob: Job = {
  name: 'wishes.expire',
  async run(ports) {
    const now = ports.clock.now();
    const today = dateOf(now);
    const guard = { status: 'open', deadline: cmd.lt(today) };
    return forEachWish(ports, guard, async (wish) => {
      const expired = await ports.store.updateAndReturn<WishDoc>(WISHES, { ...guard, _id: wish._id }, {
        status: 'expired',
        updatedAt: now,
        timeline: upd.push(timelineEvent(SYSTEM_ACTOR, now, 'open', 'expired', '已过截止日期，心愿自动过期')),
      });
      if (expired) await countEvents(ports, latestWishEvent(expired));
      return expired !== null;
    });
  },
};

/** Release first: a stale claim on a wish past its deadline reopens and then expires in the same tick. */
export const WISH_JOBS: Job[] = [autoReleaseJob, expireJob];
