import { API, FunctionEvent, type ActionInput, type ActionName, type ActionOutput, type FunctionName } from '../../../types/api';
import type { Envelope } from '../../../types/errors';
import type { Role } from '../../../types/users';
import { z } from '../../../types/zod';
import type { Ports } from '../ports';
import type { UserDoc } from '../users/userDoc';
import { userIdFor } from '../users/userDoc';
import { DomainError } from './domainError';
import { StoreError } from '../store/port';
import { validationError } from './validation';
import { checkTexts, assertTextsClean, NO_TEXT, type TextField, type TextVerdicts } from '../security/textCheck';
import { limitFor, rateLimited, rateWindowOf, refusalsCount, releaseRate, takeRate, type RateFamily, type RateTake } from './rateLimits';

/** The registered user behind a request, as loaded from the store. */
export interface Caller {
  user: UserDoc;
  role: Role;
  communityId: string;
}

interface BaseContext {
  ports: Ports;
  openid: string;
  /** The client's request id, for idempotent creates. */
  requestId?: string;
  now: number;
}

/**
 * What an action may read before the caller is known: its `load` runs in the same round trip as
 * the read of the caller's own user record. `userId` is the id that record has, if it exists.
 */
export interface LoadContext extends BaseContext {
  userId: string;
}

/** For actions open to an identified but possibly unregistered user (register, me). */
export interface OpenContext extends BaseContext {
  caller: Caller | null;
}

export interface CallerContext extends BaseContext {
  caller: Caller;
}

/**
 * Who may run an action: any identified WeChat user (even unregistered), any registered user, or
 * the roles named here. A member is a resident with more rights, so `resident` admits members.
 */
export const ACCESS_ROLES = {
  registered: null,
  resident: ['resident', 'member'],
  member: ['member'],
  staff: ['staff'],
  staffOrAdmin: ['staff', 'admin'],
  admin: ['admin'],
} as const satisfies Record<string, readonly Role[] | null>;

export type Access = 'identified' | keyof typeof ACCESS_ROLES;

type Parsed<F extends FunctionName, A extends ActionName<F>> = (typeof API)[F][A] extends { input: infer I extends z.ZodMiniType }
  ? z.output<I>
  : never;

/**
 * What every action may declare beside its use-case, handled by the shell in the first round trip:
 * - `texts`: the user text in the input that others will read, checked by WeChat's content
 *   security (security/textCheck.ts) before the use-case runs;
 * - `rate`: the rate-limit family the action counts in (runtime/rateLimits.ts) and the key that
 *   makes a retry of one request count once.
 */
interface Guards<F extends FunctionName, A extends ActionName<F>> {
  texts?: (input: Parsed<F, A>) => TextField[];
  rate?: { family: RateFamily; key: (input: Parsed<F, A>, requestId: string | undefined) => string };
}

/**
 * An action. `load`, when given, reads what the action needs that does not depend on the caller's
 * user record (documents named in the input, or derived from the caller's id), in parallel with
 * that record; `run` receives it. Neither may write before access is checked: `load` only reads.
 */
export type ActionSpec<F extends FunctionName, A extends ActionName<F>, L = undefined> = Guards<F, A> &
  (
    | {
        access: 'identified';
        load?: (ctx: LoadContext, input: Parsed<F, A>) => Promise<L>;
        run(ctx: OpenContext, input: Parsed<F, A>, loaded: L): Promise<ActionOutput<F, A>>;
      }
    | {
        access: Exclude<Access, 'identified'>;
        load?: (ctx: LoadContext, input: Parsed<F, A>) => Promise<L>;
        run(ctx: CallerContext, input: Parsed<F, A>, loaded: L): Promise<ActionOutput<F, A>>;
      }
  );

/**
 * Declares an action so that its `load` result types its `run`:
 * `defineAction<'orders', 'getOrder'>()({ access, load, run })`.
 */
export const defineAction =
  <F extends FunctionName, A extends ActionName<F>>() =>
  <L = undefined>(spec: ActionSpec<F, A, L>): ActionSpec<F, A, L> =>
    spec;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type FunctionSpec<F extends FunctionName> = { [A in ActionName<F>]: ActionSpec<F, A, any> };

/** What the platform tells a handler about the request, outside the event. */
export interface PlatformIdentity {
  openid: string | null;
}

export type FunctionHandler = (event: unknown, identity: PlatformIdentity) => Promise<Envelope<unknown>>;

export const defineFunction = <F extends FunctionName>(name: F, spec: FunctionSpec<F>) => ({ name, spec });

export type FunctionDefinition<F extends FunctionName = FunctionName> = ReturnType<typeof defineFunction<F>>;

const actionOf = <F extends FunctionName>(def: FunctionDefinition<F>, action: string) =>
  Object.prototype.hasOwnProperty.call(def.spec, action) ? (def.spec[action as ActionName<F>] as ActionSpec<F, ActionName<F>, unknown>) : null;

const rateLimitEnd = (family: RateFamily, now: number) => rateWindowOf(family, now).end;

/** A store that kept conflicting is a busy moment, not a fault: the client may simply retry. */
const BUSY = '当前参与的人较多，请稍后重试';

/**
 * The thin shell every function runs: validate the event, identify the caller from the platform,
 * check access, run the use-case, answer the envelope. Outputs pass through their schema, which
 * strips anything private (openid, addresses) that a use-case did not mean to return.
 */
export const createHandler = <F extends FunctionName>(def: FunctionDefinition<F>, ports: Ports): FunctionHandler => {
  return async (event, identity) => {
    // A rate-limit count taken for this request: given back if the request is refused.
    let counted: RateTake | null = null;
    try {
      const envelope = FunctionEvent.safeParse(event);
      if (!envelope.success) throw validationError(envelope.error, '请求格式不正确');
      const { action, data, requestId } = envelope.data;
      const spec = actionOf(def, action);
      const contract = (API[def.name] as Record<string, { input: z.ZodMiniType; output: z.ZodMiniType }>)[action];
      if (!spec || !contract) throw new DomainError('NOT_FOUND', `未知的操作：${action}`);
      if (!identity.openid) throw new DomainError('UNAUTHENTICATED', '未能识别您的身份，请重新进入小程序');

      const input = contract.input.safeParse(data ?? {});
      if (!input.success) throw validationError(input.error);

      const base = { ports, openid: identity.openid, requestId, now: ports.clock.now() };
      const userId = userIdFor(identity.openid);
      const texts = spec.texts?.(input.data as never) ?? [];
      const rate = spec.rate;
      // One round trip: the caller, what the action reads, its text verdicts and its rate count.
      const [user, loaded, verdicts, taken] = await Promise.all([
        ports.store.get<UserDoc>('users', userId),
        spec.load ? spec.load({ ...base, userId }, input.data as never) : Promise.resolve(undefined),
        texts.length ? checkTexts(ports, identity.openid, texts) : Promise.resolve<TextVerdicts>(NO_TEXT),
        rate ? takeRate(ports, userId, rate.family, rate.key(input.data as never, requestId), base.now) : Promise.resolve(null),
      ]);
      counted = taken;
      const caller: Caller | null = user ? { user, role: user.role, communityId: user.communityId } : null;

      if (spec.access !== 'identified') {
        if (!caller) throw new DomainError('FORBIDDEN', '请先完成注册');
        const allowed: readonly Role[] | null = ACCESS_ROLES[spec.access];
        if (allowed && !allowed.includes(caller.role)) {
          throw new DomainError('FORBIDDEN', '您的身份无权进行此操作');
        }
      }
      assertTextsClean(verdicts);
      if (rate) {
        const role = caller?.role ?? null;
        if (!taken) throw rateLimited(rate.family, role, rateLimitEnd(rate.family, base.now), base.now);
        if (!taken.retried && taken.position > limitFor(rate.family, role)) throw rateLimited(rate.family, role, taken.end, base.now);
      }

      const result: unknown =
        spec.access === 'identified'
          ? await spec.run({ ...base, caller }, input.data as never, loaded)
          : await spec.run({ ...base, caller: caller! }, input.data as never, loaded);
      const output = contract.output.safeParse(result);
      if (!output.success) {
        console.error(`[${def.name}.${action}] output does not match its contract`, z.prettifyError(output.error));
        throw new DomainError('INTERNAL');
      }
      counted = null;
      return { ok: true, data: output.data };
    } catch (e) {
      // A refused request is not counted against the caller's rate (it changed nothing), unless
      // refusals are what the family limits (wrong setup and invitation codes).
      if (counted && !refusalsCount(counted.family)) await releaseRate(ports, counted).catch(() => false);
      if (e instanceof DomainError) return { ok: false, error: e.toApiError() };
      if (e instanceof StoreError && e.kind === 'CONFLICT') return { ok: false, error: new DomainError('CONFLICT', BUSY).toApiError() };
      console.error(`[${def.name}] unexpected failure`, e);
      return { ok: false, error: new DomainError('INTERNAL').toApiError() };
    }
  };
};

export type { ActionInput };
