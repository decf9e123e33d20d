import { Text, View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ActivityView } from '../../../../types/activities';
import { ageRangeText } from '../lib/activityLabels';
import { timeRange } from '../lib/activityTime';
import { StatusTag } from '../../../components/StatusTag';
import { CategoryTag, PhaseTag, TagRow } from './ActivityTags';
import { PlacesLeft } from './PlacesLeft';

export interface ActivityCardProps {
  activity: ActivityView;
  onClick?: () => void;
  /** Extra lines or buttons under the facts (the staff editor's 编辑 / 报名名单). */
  children?: ReactNode;
  /** The activity's menu is still a draft: nobody can sign up yet, whatever the dates say. */
  unpublished?: boolean;
}

/** One activity in a day's list: what, when, where, and the places left standing out. */
export const ActivityCard = ({ activity, onClick, children, unpublished = false }: ActivityCardProps) => {
  const ages = ageRangeText(activity);
  return (
    <View className="card activity-card" id={`activity-${activity._id}`} onClick={onClick}>
      <View className="activity-card__head">
        <Text className="activity-card__title">{activity.title}</Text>
        <PlacesLeft activity={activity} />
      </View>
      <TagRow>
        <CategoryTag category={activity.category} />
        {unpublished ? <StatusTag text="菜单未发布" tone="muted" /> : <PhaseTag phase={activity.signupPhase} />}
        {ages ? <Text className="activity-card__ages">适合{ages}</Text> : null}
      </TagRow>
      <View className="activity-card__facts">
        <Text className="activity-card__time">{timeRange(activity.startAt, activity.endAt)}</Text>
        <Text className="muted"> · {activity.place}</Text>
      </View>
      {children}
    </View>
  );
};

/** Activities by Shanghai calendar date, in the order given (the function sorts by start). */
export const groupByDate = <T extends { startAt: number }>(items: readonly T[], keyOf: (at: number) => string): Array<{ key: string; items: T[] }> => {
  const groups: Array<{ key: string; items: T[] }> = [];
  for (const item of items) {
    const key = keyOf(item.startAt);
    const last = groups[groups.length - 1];
    if (last && last.key === key) last.items.push(item);
    else groups.push({ key, items: [item] });
  }
  return groups;
};
