import type { CollectionSpec } from '../store/port';

/**
 * Collections of setup, staff invitations, subscribe message balances, rate windows and photo
 * checks. Most are read by derived ids only.
 */
export const ADMIN_COLLECTIONS: CollectionSpec[] = [
  // The setup record (one document, `setup`).
  { name: 'system', indexes: [] },
  // The reconciler: invitations claimed in the last days.
  { name: 'staff_invites', indexes: [{ name: 'invites_used', fields: [['usedAt', 'asc']] }] },
  // One per (user, template), by derived id.
  { name: 'subscribe_balances', indexes: [] },
  // One per (user, family, window), by derived id.
  { name: 'rate_windows', indexes: [] },
  {
    name: 'media_checks',
    indexes: [
      // The timer: pending checks to submit; the reconciler: risky verdicts not yet applied.
      { name: 'media_status', fields: [['status', 'asc'], ['applied', 'asc'], ['nextTryAt', 'asc']] },
      // A verdict names its trace id.
      { name: 'media_trace', fields: [['traceId', 'asc']] },
    ],
  },
];
