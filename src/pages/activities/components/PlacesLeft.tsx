import { Text, View } from '@tarojs/components';
import type { ActivityView } from '../../../../types/activities';
import { placesKind } from '../lib/activityLabels';

/** The number residents look for first: 剩余 N 个名额, or whether they can still join a waitlist. */
export const PlacesLeft = ({ activity }: { activity: Pick<ActivityView, 'placesLeft' | 'waitlist'> }) => {
  const kind = placesKind(activity);
  if (kind === 'open') {
    return (
      <View className="places places--open">
        <Text>剩余 </Text>
        <Text className="places__number">{activity.placesLeft}</Text>
        <Text> 个名额</Text>
      </View>
    );
  }
  return (
    <View className={`places places--${kind}`}>
      <Text>{kind === 'waitlist' ? '已满·可候补' : '已满'}</Text>
    </View>
  );
};
