import { Text, View } from '@tarojs/components';
import './index.scss';

const STARS = [1, 2, 3, 4, 5] as const;

export interface StarRatingProps {
  /** Stars lit; null or 0 when none has been tapped yet. */
  value: number | null;
  /** Makes the stars tappable (ids star-1 … star-5); read-only without it. */
  onChange?: (stars: number) => void;
  /** The words shown under the stars once some are lit, e.g. "4星 · 满意". */
  labelOf?: (stars: number) => string;
}

/** Five big stars, each its own touch target (bigger still in 长辈模式); read-only without onChange. */
export const StarRating = ({ value, onChange, labelOf }: StarRatingProps) => {
  const lit = value ?? 0;
  return (
    <View className={`rating-stars-wrap${onChange ? '' : ' rating-stars-wrap--readonly'}`}>
      <View className="rating-stars">
        {STARS.map((n) => (
          <View
            key={n}
            id={onChange ? `star-${n}` : undefined}
            className={`rating-stars__star${n <= lit ? ' rating-stars__star--on' : ''}`}
            onClick={onChange ? () => onChange(n) : undefined}
          >
            <Text>★</Text>
          </View>
        ))}
      </View>
      {lit > 0 && labelOf ? <Text className="rating-stars__label">{labelOf(lit)}</Text> : null}
    </View>
  );
};
