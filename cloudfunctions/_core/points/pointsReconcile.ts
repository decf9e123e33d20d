/**
 * Keeps the points totals equal to the ledger. A payment writes its ledger entry and its three
 * totals in one round trip; a request that died half-way leaves an entry not yet counted (it is
 * counted now) or a count without its entry (it is taken back).
 */
import type { Job } from '../scheduler/job';
import { settledRange } from '../scheduler/reconcileWindow';
import { getMany, scanAll } from '../store/scan';
import { cmd } from '../store/port';
import type { Ports } from '../ports';
import {
  countOnTotals,
  entryKeyOf,
  LEDGER,
  PERIODS_OF_ENTRY,
  periodKeyOf,
  TOTALS,
  totalsIdOf,
  uncountOnTotals,
  type LedgerEntry,
  type PointsTotalDoc,
} from './ledger';

/** Entries of the window that some totals document has not counted. */
const countUncounted = (ports: Ports, from: number, to: number, now: number) =>
  scanAll<LedgerEntry>(ports.store, LEDGER, { at: cmd.gte(from), $and: [{ at: cmd.lt(to) }] }, async (entries) => {
    const wanted = entries.flatMap((e) => PERIODS_OF_ENTRY.map((p) => totalsIdOf(e.memberId, p, periodKeyOf(p, e.at))));
    const totals = await getMany<PointsTotalDoc>(ports.store, TOTALS, wanted);
    let changed = 0;
    for (const entry of entries) {
      for (const period of PERIODS_OF_ENTRY) {
        const doc = totals.get(totalsIdOf(entry.memberId, period, periodKeyOf(period, entry.at)));
        if (doc?.entries[entryKeyOf(entry._id)]) continue;
        changed += await countOnTotals(ports.store, entry, period, now);
      }
    }
    return changed;
  });

/** Counts of the window whose entry does not exist, or belongs to another period. */
const takeBackOrphans = (ports: Ports, from: number, to: number, now: number) =>
  scanAll<PointsTotalDoc>(ports.store, TOTALS, { updatedAt: cmd.gte(from) }, async (docs) => {
    const counted = docs.flatMap((doc) =>
      Object.entries(doc.entries)
        .filter(([, c]) => c.at >= from && c.at < to)
        .map(([key, c]) => ({ doc, key, ref: c.ref })),
    );
    if (counted.length === 0) return 0;
    const ledger = await getMany<LedgerEntry>(ports.store, LEDGER, counted.map((c) => c.ref));
    let changed = 0;
    for (const { doc, key, ref } of counted) {
      const entry = ledger.get(ref);
      if (entry && periodKeyOf(doc.period, entry.at) === doc.key && entry.delta === doc.entries[key].d) continue;
      changed += await uncountOnTotals(ports.store, doc, key, now);
      // Counted under a wrong period or amount: the entry's own count follows in the next tick.
    }
    return changed;
  });

export const reconcilePoints: Job = {
  name: 'points.reconcile',
  async run(ports) {
    const now = ports.clock.now();
    const { from, to } = settledRange(now);
    const [counted, taken] = await Promise.all([countUncounted(ports, from, to, now), takeBackOrphans(ports, from, to, now)]);
    return counted + taken;
  },
};
