/**
 * What the points and hours ledgers count in the monthly aggregates: the community's points and
 * service minutes of the month, in all and per reason. One event per ledger entry. Pure.
 */
import { holdKey } from '../store/holds';
import { monthOf } from '../time';
import type { StatEvent } from './statsDocs';

type EntryFacts = { _id: string; communityId: string; delta: number; reason: string; at: number };

export const ledgerEvent = (kind: 'points' | 'hours', entry: EntryFacts): StatEvent => {
  const field = kind === 'points' ? 'points' : 'minutes';
  return {
    section: 'members',
    communityId: entry.communityId,
    month: monthOf(entry.at),
    ref: entry._id,
    s: kind,
    key: `${kind === 'points' ? 'p' : 'h'}_${holdKey(entry._id)}`,
    deltas: { [field]: entry.delta, [`${field}By.${entry.reason}`]: entry.delta },
    at: entry.at,
  };
};
