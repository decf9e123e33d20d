import type { ReactNode } from 'react';
import { Text, View } from '@tarojs/components';
import { formatDateTime } from '../../lib/time';
import './index.scss';

/** One state change as the server records it (orders, wishes, signups all share this shape). */
export interface TimelineEvent<S extends string = string> {
  at: number;
  byName: string;
  from: S | null;
  to: S;
  note: string;
}

/** "待派单 → 已派单"; the first event (no state before it) reads "<startText> → 待派单". */
export const moveTextOf =
  <S extends string>(labelOf: (state: S) => string, startText: string) =>
  (event: Pick<TimelineEvent<S>, 'from' | 'to'>): string =>
    `${event.from === null ? startText : labelOf(event.from)} → ${labelOf(event.to)}`;

export interface TimelineProps<S extends string> {
  events: readonly TimelineEvent<S>[];
  /** The headline of each event, e.g. "待派单 → 已派单" or "孙丽 · 确认收到". */
  titleOf: (event: TimelineEvent<S>) => string;
  /** The line under it; by default "who · when". */
  metaOf?: (event: TimelineEvent<S>) => string;
  /** Something beside the headline, e.g. the new state's StatusTag. */
  tagOf?: (event: TimelineEvent<S>) => ReactNode;
  /** Newest first puts the current state at the top; otherwise the story reads oldest first. */
  newestFirst?: boolean;
  /** Extra class on the list root. */
  className?: string;
}

const whoAndWhen = (event: TimelineEvent): string => `${event.byName} · ${formatDateTime(event.at)}`;

/** An audit trail: who moved it, when, from which state to which, and why. The latest move is marked. */
export const Timeline = <S extends string>({ events, titleOf, metaOf = whoAndWhen, tagOf, newestFirst = false, className }: TimelineProps<S>) => {
  if (events.length === 0) return <Text className="muted">暂无记录</Text>;
  // Events are appended as they happen, so reversing keeps same-millisecond moves in order.
  const shown = newestFirst ? [...events].reverse() : events;
  const latest = newestFirst ? 0 : shown.length - 1;
  return (
    <View className={`timeline${className ? ` ${className}` : ''}`}>
      {shown.map((event, index) => (
        <View key={`${event.at}-${index}`} className={`timeline__item${index === latest ? ' timeline__item--latest' : ''}`}>
          <View className="timeline__dot" />
          <View className="timeline__head">
            <Text className="timeline__move">{titleOf(event)}</Text>
            {tagOf ? tagOf(event) : null}
          </View>
          <Text className="timeline__meta">{metaOf(event)}</Text>
          {event.note ? <Text className="timeline__note">{event.note}</Text> : null}
        </View>
      ))}
    </View>
  );
};
