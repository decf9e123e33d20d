/**
 * An append-only ledger per member with totals kept per period: the points ledger (积分) and the
 * service hours ledger (志愿服务时长) are two of them. One entry per (reason, refId, member):
 * replaying an event never records twice. Each entry moves the member's totals for its periods
 * and the community's monthly aggregate, in the same round trip as the entry itself; a totals
 * document records which entries it has counted, so counting is idempotent, and the reconciler
 * completes or undoes what a crash left half-done (counted without its entry, or not counted).
 */
import type { Period } from '../../../types/points';
import type { Ports } from '../ports';
import type { Job } from '../scheduler/job';
import { settledRange } from '../scheduler/reconcileWindow';
import { stableId } from '../runtime/ids';
import { cmd, isDuplicateKey, upd, type Store } from '../store/port';
import { getMany, scanAll } from '../store/scan';
import { countStats } from '../stats/countStats';
import { ledgerEvent } from '../stats/memberStats';
import { periodRange } from '../time';

export interface LedgerSpec {
  kind: 'points' | 'hours';
  ledger: string;
  totals: string;
  /** The field of a totals document that holds the sum: `points`, `minutes`. */
  amount: 'points' | 'minutes';
  /** Prefix of the totals documents' ids. */
  idPrefix: string;
  periods: readonly Period[];
}

export type LedgerEntry<R extends string = string> = {
  _id: string;
  communityId: string;
  memberId: string;
  /** Points, or minutes of service; negative for a staff correction. */
  delta: number;
  reason: R;
  refId: string;
  at: number;
  note: string;
  by: string;
};

/** One counted entry on a totals document. */
export type CountedEntry = { d: number; at: number; ref: string };

/** A member's sum in one period. The amount sits in the field the spec names. */
export type TotalsDoc = {
  _id: string;
  communityId: string;
  memberId: string;
  period: Period;
  /** 2026-11, 2026-Q4, 2026 */
  key: string;
  entries: Record<string, CountedEntry>;
  updatedAt: number;
} & Partial<Record<'points' | 'minutes', number>>;

export const ledgerIdOf = (reason: string, refId: string, memberId: string) => `${reason}:${refId}:${memberId}`;

export const periodKeyOf = (period: Period, at: number) => periodRange(period, at).key;

export const totalsIdFor = (spec: LedgerSpec, memberId: string, period: Period, key: string) => stableId(spec.idPrefix, memberId, period, key);

/** The field name under which a totals document records an entry. */
export const entryKeyOf = (ledgerEntryId: string) => stableId('e', ledgerEntryId);

export const amountOf = (spec: LedgerSpec, doc: Partial<Record<'points' | 'minutes', number>> | null | undefined): number => doc?.[spec.amount] ?? 0;

/**
 * Counts one entry on one totals document, once. Answers 1 when this call counted it. The first
 * entry of a member in a period creates the document (two more round trips, once).
 */
export const countEntry = async (store: Store, spec: LedgerSpec, entry: LedgerEntry, period: Period, now: number): Promise<number> => {
  const key = periodKeyOf(period, entry.at);
  const _id = totalsIdFor(spec, entry.memberId, period, key);
  const path = `entries.${entryKeyOf(entry._id)}`;
  const counted: CountedEntry = { d: entry.delta, at: entry.at, ref: entry._id };
  for (let attempt = 0; attempt < 5; attempt++) {
    const modified = await store.updateWhere(spec.totals, { _id, [path]: cmd.exists(false) }, {
      [spec.amount]: upd.inc(entry.delta),
      [path]: upd.set(counted),
      updatedAt: now,
    });
    if (modified === 1) return 1;
    const current = await store.get<TotalsDoc>(spec.totals, _id);
    if (current?.entries?.[entryKeyOf(entry._id)]) return 0; // already counted
    if (current) continue; // another entry created the document meanwhile
    const doc: TotalsDoc = {
      _id,
      communityId: entry.communityId,
      memberId: entry.memberId,
      period,
      key,
      [spec.amount]: entry.delta,
      entries: { [entryKeyOf(entry._id)]: counted },
      updatedAt: now,
    };
    try {
      await store.insert(spec.totals, doc);
      return 1;
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
    }
  }
  return 0;
};

/** Takes an entry back off one totals document (the entry it counted does not exist). */
export const uncountEntry = async (store: Store, spec: LedgerSpec, doc: TotalsDoc, entryKey: string, now: number): Promise<number> => {
  const counted = doc.entries[entryKey];
  if (!counted) return 0;
  return store.updateWhere(spec.totals, { _id: doc._id, [`entries.${entryKey}.ref`]: counted.ref }, {
    [spec.amount]: upd.inc(-counted.d),
    [`entries.${entryKey}`]: upd.remove(),
    updatedAt: now,
  });
};

/**
 * Records an entry once: the entry, its totals and the community's month in one round trip.
 * Answers the entry as it is stored (a replay answers the first one) and whether this call wrote it.
 */
export const recordEntry = async <R extends string>(ports: Ports, spec: LedgerSpec, fields: Omit<LedgerEntry<R>, '_id'>): Promise<{ entry: LedgerEntry<R>; paid: boolean }> => {
  const entry: LedgerEntry<R> = { _id: ledgerIdOf(fields.reason, fields.refId, fields.memberId), ...fields };
  if (entry.delta === 0) return { entry, paid: false };
  const now = ports.clock.now();
  const [inserted] = await Promise.all([
    ports.store.insert(spec.ledger, entry).then(
      () => true,
      (e: unknown) => {
        if (!isDuplicateKey(e)) throw e;
        return false;
      },
    ),
    ...spec.periods.map((period) => countEntry(ports.store, spec, entry, period, now)),
    countStats(ports.store, ledgerEvent(spec.kind, entry), now),
  ]);
  return inserted ? { entry, paid: true } : { entry: (await ports.store.get<LedgerEntry<R>>(spec.ledger, entry._id)) ?? entry, paid: false };
};

/** Entries of the window that some totals document has not counted. */
const countUncounted = (ports: Ports, spec: LedgerSpec, from: number, to: number, now: number) =>
  scanAll<LedgerEntry>(ports.store, spec.ledger, { at: cmd.gte(from), $and: [{ at: cmd.lt(to) }] }, async (entries) => {
    const idsOf = (e: LedgerEntry) => spec.periods.map((p) => totalsIdFor(spec, e.memberId, p, periodKeyOf(p, e.at)));
    const totals = await getMany<TotalsDoc>(ports.store, spec.totals, entries.flatMap(idsOf));
    let changed = 0;
    for (const entry of entries) {
      for (const period of spec.periods) {
        const doc = totals.get(totalsIdFor(spec, entry.memberId, period, periodKeyOf(period, entry.at)));
        if (doc?.entries[entryKeyOf(entry._id)]) continue;
        changed += await countEntry(ports.store, spec, entry, period, now);
      }
    }
    return changed;
  });

/** Counts of the window whose entry does not exist, or belongs to another period. */
const takeBackOrphans = (ports: Ports, spec: LedgerSpec, from: number, to: number, now: number) =>
  scanAll<TotalsDoc>(ports.store, spec.totals, { updatedAt: cmd.gte(from) }, async (docs) => {
    const counted = docs.flatMap((doc) =>
      Object.entries(doc.entries)
        .filter(([, c]) => c.at >= from && c.at < to)
        .map(([key, c]) => ({ doc, key, ref: c.ref })),
    );
    if (counted.length === 0) return 0;
    const ledger = await getMany<LedgerEntry>(ports.store, spec.ledger, counted.map((c) => c.ref));
    let changed = 0;
    for (const { doc, key, ref } of counted) {
      const entry = ledger.get(ref);
      if (entry && periodKeyOf(doc.period, entry.at) === doc.key && entry.delta === doc.entries[key].d) continue;
      changed += await uncountEntry(ports.store, spec, doc, key, now);
      // Counted under a wrong period or amount: the entry's own count follows in the next tick.
    }
    return changed;
  });

/** Keeps the totals equal to the ledger, both ways, within the reconcile window. */
export const reconcileLedger = (spec: LedgerSpec): Job => ({
  name: `${spec.kind}.reconcile`,
  async run(ports) {
    const now = ports.clock.now();
    const { from, to } = settledRange(now);
    const [counted, taken] = await Promise.all([countUncounted(ports, spec, from, to, now), takeBackOrphans(ports, spec, from, to, now)]);
    return counted + taken;
  },
});
