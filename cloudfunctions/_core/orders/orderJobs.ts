import { cmd, upd } from '../store/port';
import type { Job } from '../scheduler/job';
import { SYSTEM_ACTOR, timelineEvent } from '../runtime/timeline';
import { DAY_MS, HOUR_MS } from '../time';
import type { OrderDoc } from './orderDoc';
import { countEvents } from '../stats/countStats';
import { latestOrderEvent, overdueEvent } from '../stats/orderStats';

export const OVERDUE_AFTER_MS = 48 * HOUR_MS;
export const AUTO_CLOSE_AFTER_MS = 7 * DAY_MS;

/**
 * Unassigned for 48 h → flagged on the staff dashboard, and counted once per order in its month's
 * review as unmet demand. Each order by a guarded update: a second copy flags nothing twice.
 */
const flagOverdue: Job = {
  name: 'orders.flagOverdue',
  async run(ports) {
    const now = ports.clock.now();
    const due = { status: 'submitted', overdue: false, submittedAt: cmd.lte(now - OVERDUE_AFTER_MS) };
    let flagged = 0;
    for (;;) {
      const page = await ports.store.find<OrderDoc>('orders', due, { orderBy: [['submittedAt', 'asc']], limit: 200, fields: ['_id'] });
      let changed = 0;
      for (const { _id } of page) {
        const order = await ports.store.updateAndReturn<OrderDoc>('orders', { ...due, _id }, { overdue: true, everOverdue: true, overdueAt: now, updatedAt: now });
        if (!order) continue;
        changed++;
        await countEvents(ports, overdueEvent(order));
      }
      flagged += changed;
      if (page.length < 200 || changed === 0) return flagged;
    }
  },
};

/**
 * Completed and unrated for 7 days → closed as rated with no stars. Base points were paid on
 * completion, so closing pays nothing. Each order's guard makes a second copy of the job a no-op.
 */
const autoClose: Job = {
  name: 'orders.autoClose',
  async run(ports) {
    const now = ports.clock.now();
    let closed = 0;
    for (;;) {
      const due = await ports.store.find<OrderDoc>(
        'orders',
        { status: 'completed', completedAt: cmd.lte(now - AUTO_CLOSE_AFTER_MS) },
        { orderBy: [['completedAt', 'asc']], limit: 200, fields: ['_id'] },
      );
      let changed = 0;
      for (const order of due) {
        const closedOne = await ports.store.updateAndReturn<OrderDoc>(
          'orders',
          { _id: order._id, status: 'completed' },
          {
            status: 'rated',
            rating: upd.set({ stars: null, tags: [], comment: '', at: now, auto: true }),
            updatedAt: now,
            timeline: upd.push(timelineEvent(SYSTEM_ACTOR, now, 'completed', 'rated', '7天未评价，系统自动关闭')),
          },
        );
        if (!closedOne) continue;
        changed++;
        await countEvents(ports, latestOrderEvent(closedOne));
      }
      closed += changed;
      // Another copy may have taken this page; stop when a page brings nothing new.
      if (due.length < 200 || changed === 0) return closed;
    }
  },
};

export const ORDER_JOBS: Job[] = [flagOverdue, autoClose];
