/**
 * Keeps the points totals equal to the ledger. A payment writes its ledger entry and its three
 * totals in one round trip; a request that died half-way leaves an entry not yet counted (it is
 * counted now) or a count without its entry (it is taken back).
 */
import { reconcileLedger } from '../ledger/periodLedger';
import { POINTS_LEDGER } from './ledger';

export const reconcilePoints = reconcileLedger(POINTS_LEDGER);
