import type { Caller } from './defineFunction';

/** Who made a change, as the timeline shows it. */
export type Actor = { by: string; byName: string };

/** Changes made by timed rules rather than by a person. */
export const SYSTEM_ACTOR: Actor = { by: 'system', byName: '系统' };

export const actorOf = (caller: Caller): Actor => ({ by: caller.user._id, byName: caller.user.name });

/** One state change, appended to its record in the same write as the change itself. */
export type TimelineEvent<S extends string = string> = Actor & { at: number; from: S | null; to: S; note: string };

export const timelineEvent = <S extends string>(actor: Actor, at: number, from: S | null, to: S, note = ''): TimelineEvent<S> => ({
  at,
  ...actor,
  from,
  to,
  note,
});
