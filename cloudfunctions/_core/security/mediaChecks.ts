/**
 * Photos others will see (a completed order's photos, a wish's photos and its proof of
 * fulfilment) go through WeChat's `security.mediaCheckAsync`, whose verdict arrives later as a
 * push (the `wxa_media_check` event, routed to the scheduler function). One `media_checks`
 * document per photo where it appears:
 * - the use-case records it (`pending`) in the same round trip as the change that publishes the
 *   photo: a request that dies after writing one still leaves the photo checked or orphaned, never
 *   shown unchecked-forever;
 * - the timer submits pending checks (`submitted`, with WeChat's trace id). It runs every 10
 *   minutes and WeChat answers within 30, so a photo is judged within the hour;
 * - the verdict `risky` takes the photo out of the record that shows it (`$pull`), so every view
 *   hides it without reading anything more; staff may hide a photo by hand (`hidePhoto`) too.
 * Each step is a guarded update on the check, and applying a verdict twice pulls nothing twice;
 * a verdict recorded whose photo was not yet pulled is applied by the reconciler.
 */
import type { HidePhotoInput } from '../../../types/admin';
import type { Ports, TextScene } from '../ports';
import { assertSameCommunity } from '../runtime/access';
import { defineAction } from '../runtime/defineFunction';
import { DomainError, notFound } from '../runtime/domainError';
import { stableId } from '../runtime/ids';
import type { Job } from '../scheduler/job';
import { settledRange } from '../scheduler/reconcileWindow';
import { cmd, isDuplicateKey, upd, type Update } from '../store/port';
import { MINUTE_MS } from '../time';
import { getMany, scanAll } from '../store/scan';
import type { OrderDoc } from '../orders/orderDoc';
import type { UserDoc } from '../users/userDoc';
import type { WishDoc } from '../wishes/wishDocs';

export const MEDIA_CHECKS = 'media_checks';

export type MediaRefType = 'order' | 'wish';
export type MediaStatus = 'pending' | 'submitted' | 'pass' | 'risky' | 'failed';

export type MediaCheckDoc = {
  _id: string;
  fileId: string;
  refType: MediaRefType;
  refId: string;
  communityId: string;
  /** The author, whose openid WeChat's check asks for (a user active in the last 2 hours). */
  userId: string;
  openid: string;
  scene: TextScene;
  status: MediaStatus;
  traceId: string | null;
  /** When the timer may next try to submit it (a lease while one copy of the timer does). */
  nextTryAt: number;
  attempts: number;
  label: number | null;
  /** Whether a risky verdict has been applied (the photo taken out of its record). */
  applied: boolean;
  /** Hidden by staff rather than by WeChat's verdict. */
  manual?: { by: string; reason: string };
  createdAt: number;
  resultAt: number | null;
};

/** What WeChat pushes when a check is done (v2 `result`; v1 `isrisky`). */
export type MediaVerdictEvent = {
  Event: 'wxa_media_check';
  trace_id: string;
  version?: number;
  errcode?: number;
  isrisky?: number;
  result?: { suggest: 'pass' | 'review' | 'risky'; label: number };
};

export const isMediaVerdictEvent = (event: unknown): event is MediaVerdictEvent =>
  typeof event === 'object' && event !== null && (event as { Event?: unknown }).Event === 'wxa_media_check' && typeof (event as { trace_id?: unknown }).trace_id === 'string';

export const mediaCheckIdOf = (refType: MediaRefType, refId: string, fileId: string) => stableId('media', refType, refId, fileId);

/** Where a record keeps its photos. */
const PHOTO_FIELDS: Record<MediaRefType, { collection: string; fields: string[] }> = {
  order: { collection: 'orders', fields: ['photos'] },
  wish: { collection: 'wishes', fields: ['photos', 'fulfilPhotos'] },
};

/** Submitting stops after this many tries (WeChat down for hours): the check is `failed`, logged. */
const MAX_ATTEMPTS = 6;
const LEASE_MS = 10 * MINUTE_MS;

/** Records the checks of the photos a change publishes; a retry finds them recorded. */
export const recordPhotoChecks = async (
  ports: Ports,
  p: { refType: MediaRefType; refId: string; communityId: string; userId: string; openid: string; scene: TextScene; fileIds: string[] },
  now: number,
): Promise<void> => {
  if (p.fileIds.length === 0) return;
  const docs: MediaCheckDoc[] = [...new Set(p.fileIds)].map((fileId) => ({
    _id: mediaCheckIdOf(p.refType, p.refId, fileId),
    fileId,
    refType: p.refType,
    refId: p.refId,
    communityId: p.communityId,
    userId: p.userId,
    openid: p.openid,
    scene: p.scene,
    status: 'pending',
    traceId: null,
    nextTryAt: now,
    attempts: 0,
    label: null,
    applied: false,
    createdAt: now,
    resultAt: null,
  }));
  try {
    await ports.store.insertMany(MEDIA_CHECKS, docs);
  } catch (e) {
    if (!isDuplicateKey(e)) throw e;
    await Promise.all(docs.map((d) => ports.store.insert(MEDIA_CHECKS, d).catch((err: unknown) => (isDuplicateKey(err) ? undefined : Promise.reject(err)))));
  }
};

/** Takes the photo out of the record that shows it; pulling a photo that is not there changes nothing. */
const pullPhoto = (ports: Ports, check: Pick<MediaCheckDoc, 'refType' | 'refId' | 'fileId'>): Promise<number> => {
  const { collection, fields } = PHOTO_FIELDS[check.refType];
  const update: Update = Object.fromEntries(fields.map((f) => [f, upd.pull(check.fileId)]));
  return ports.store.updateWhere(collection, { _id: check.refId }, update);
};

/** Hides the photo of a risky check, then marks the check applied. */
const applyRisky = async (ports: Ports, check: MediaCheckDoc): Promise<void> => {
  await pullPhoto(ports, check);
  await ports.store.updateWhere(MEDIA_CHECKS, { _id: check._id, status: 'risky', applied: false }, { applied: true });
};

/** The timer: submits the checks not yet submitted, each under a lease so two copies submit once. */
export const submitMediaChecks: Job = {
  name: 'security.submitMedia',
  async run(ports) {
    const now = ports.clock.now();
    const due = await ports.store.find<MediaCheckDoc>(MEDIA_CHECKS, { status: 'pending', applied: false, nextTryAt: cmd.lte(now) }, { orderBy: [['nextTryAt', 'asc']], limit: 100 });
    const done = await Promise.all(
      due.map(async (check) => {
        const leased = await ports.store.updateWhere(MEDIA_CHECKS, { _id: check._id, status: 'pending', nextTryAt: check.nextTryAt }, { nextTryAt: now + LEASE_MS, attempts: upd.inc(1) });
        if (leased !== 1) return 0;
        try {
          const { traceId } = await ports.security.submitImage({ fileId: check.fileId, scene: check.scene, openid: check.openid });
          return ports.store.updateWhere(MEDIA_CHECKS, { _id: check._id, status: 'pending' }, { status: 'submitted', traceId });
        } catch (e) {
          console.error(`[security] mediaCheckAsync failed for ${check.fileId}`, e);
          if (check.attempts + 1 >= MAX_ATTEMPTS) await ports.store.updateWhere(MEDIA_CHECKS, { _id: check._id, status: 'pending' }, { status: 'failed' });
          return 0;
        }
      }),
    );
    return done.reduce((a, b) => a + b, 0);
  },
};

/**
 * A verdict from WeChat. The trace id is known only to WeChat and this server (it is never shown
 * to a client), so a push naming one that was not submitted changes nothing. Answers how many
 * checks it settled.
 */
export const receiveMediaVerdict = async (ports: Ports, event: MediaVerdictEvent): Promise<number> => {
  const now = ports.clock.now();
  const checks = await ports.store.find<MediaCheckDoc>(MEDIA_CHECKS, { traceId: event.trace_id }, { limit: 10 });
  const risky = event.result ? event.result.suggest === 'risky' : event.isrisky === 1;
  const label = event.result?.label ?? null;
  const settled = await Promise.all(
    checks.map(async (check) => {
      const after = await ports.store.updateAndReturn<MediaCheckDoc>(MEDIA_CHECKS, { _id: check._id, status: 'submitted' }, { status: risky ? 'risky' : 'pass', label, resultAt: now });
      if (after && risky) await applyRisky(ports, after);
      return after ? 1 : 0;
    }),
  );
  return settled.reduce<number>((a, b) => a + b, 0);
};

type Shown = { refType: MediaRefType; refId: string; communityId: string; authorId: string; fileIds: string[]; scene: TextScene };

/** Records the checks missing for photos shown (their request died between the change and the record). */
const recordMissing = async (ports: Ports, shown: Shown[]): Promise<number> => {
  const wanted = shown.flatMap((s) => s.fileIds.map((fileId) => ({ s, fileId, id: mediaCheckIdOf(s.refType, s.refId, fileId) })));
  if (wanted.length === 0) return 0;
  const [checks, authors] = await Promise.all([
    getMany<MediaCheckDoc>(ports.store, MEDIA_CHECKS, wanted.map((w) => w.id), ['_id']),
    getMany<UserDoc>(ports.store, 'users', shown.map((s) => s.authorId), ['_id', 'openid']),
  ]);
  const missing = wanted.filter((w) => !checks.has(w.id));
  const now = ports.clock.now();
  await Promise.all(
    missing.map(({ s, fileId }) =>
      recordPhotoChecks(ports, { refType: s.refType, refId: s.refId, communityId: s.communityId, userId: s.authorId, openid: authors.get(s.authorId)?.openid ?? '', scene: s.scene, fileIds: [fileId] }, now),
    ),
  );
  return missing.length;
};

/**
 * What photo checks a crash left half-done: a risky verdict whose photo is still shown is applied;
 * a photo shown (a completed order's, a fulfilled wish's proof) without its check gets one.
 */
export const reconcileMedia: Job = {
  name: 'security.reconcileMedia',
  async run(ports) {
    const { from, to } = settledRange(ports.clock.now());
    const unapplied = await ports.store.find<MediaCheckDoc>(MEDIA_CHECKS, { status: 'risky', applied: false }, { orderBy: [['nextTryAt', 'asc']], limit: 1000 });
    const due = unapplied.filter((c) => (c.resultAt ?? c.createdAt) < to);
    const range = (field: string) => ({ [field]: cmd.gte(from), $and: [{ [field]: cmd.lt(to) }] });
    const [, orders, wishes] = await Promise.all([
      Promise.all(due.map((c) => applyRisky(ports, c))),
      scanAll<OrderDoc>(ports.store, 'orders', { status: cmd.in(['completed', 'rated']), ...range('completedAt') }, (page) =>
        recordMissing(
          ports,
          page.filter((o) => o.photos.length && o.assigneeId).map((o) => ({ refType: 'order', refId: o._id, communityId: o.communityId, authorId: o.assigneeId!, fileIds: o.photos, scene: 4 })),
        ),
      ),
      scanAll<WishDoc>(ports.store, 'wishes', range('fulfilledAt'), (page) =>
        recordMissing(
          ports,
          page.filter((w) => w.fulfilPhotos.length && w.claimerId).map((w) => ({ refType: 'wish', refId: w._id, communityId: w.communityId, authorId: w.claimerId!, fileIds: w.fulfilPhotos, scene: 4 })),
        ),
      ),
    ]);
    return due.length + orders + wishes;
  },
};

type PhotoRecord = { _id: string; communityId: string; photos?: string[]; fulfilPhotos?: string[] };

/** Staff hide a photo by hand (a complaint, a photo WeChat passed): recorded as a risky check. */
export const hidePhoto = defineAction<'admin', 'hidePhoto'>()({
  access: 'staffOrAdmin',
  load: ({ ports }, input: HidePhotoInput) =>
    Promise.all([
      ports.store.get<PhotoRecord>(PHOTO_FIELDS[input.refType].collection, input.refId),
      ports.store.get<MediaCheckDoc>(MEDIA_CHECKS, mediaCheckIdOf(input.refType, input.refId, input.fileId)),
    ]),
  async run({ ports, caller, openid, now }, input, [record, existing]) {
    const found = record ?? notFound(input.refType === 'order' ? '订单' : '心愿');
    assertSameCommunity(caller, found);
    const shown = [...(found.photos ?? []), ...(found.fulfilPhotos ?? [])].includes(input.fileId);
    if (!shown && existing?.status !== 'risky') throw new DomainError('NOT_FOUND', '该图片不存在或已隐藏');
    const manual = { by: caller.user._id, reason: input.reason };
    const check: MediaCheckDoc = existing
      ? { ...existing, status: 'risky', applied: false, manual, resultAt: now }
      : {
          _id: mediaCheckIdOf(input.refType, input.refId, input.fileId),
          fileId: input.fileId,
          refType: input.refType,
          refId: input.refId,
          communityId: found.communityId,
          userId: caller.user._id,
          openid,
          scene: 3,
          status: 'risky',
          traceId: null,
          nextTryAt: now,
          attempts: 0,
          label: null,
          applied: false,
          manual,
          createdAt: now,
          resultAt: now,
        };
    // The record first-hand and the photo pulled together; the check marked applied after both.
    await Promise.all([
      existing
        ? ports.store.updateWhere(MEDIA_CHECKS, { _id: check._id }, { status: 'risky', applied: false, manual, resultAt: now })
        : ports.store.insert(MEDIA_CHECKS, check).catch((e: unknown) => {
            if (!isDuplicateKey(e)) throw e;
            return ports.store.updateWhere(MEDIA_CHECKS, { _id: check._id }, { status: 'risky', applied: false, manual, resultAt: now });
          }),
      pullPhoto(ports, check),
    ]);
    await ports.store.updateWhere(MEDIA_CHECKS, { _id: check._id, status: 'risky', applied: false }, { applied: true });
    return { ok: true as const };
  },
});

export const MEDIA_JOBS: Job[] = [submitMediaChecks];
