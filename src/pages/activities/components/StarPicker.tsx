import { Text, View } from '@tarojs/components';

const STAR_WORDS = ['', '很不满意', '不太满意', '一般', '满意', '非常满意'];

export interface StarPickerProps {
  value: number;
  onChange?: (stars: number) => void;
}

/** Five big stars, each its own touch target (ids star-1 … star-5); read-only without onChange. */
export const StarPicker = ({ value, onChange }: StarPickerProps) => (
  <View className="stars">
    {[1, 2, 3, 4, 5].map((n) => (
      <View
        key={n}
        id={onChange ? `star-${n}` : undefined}
        className={`stars__star${n <= value ? ' stars__star--on' : ''}`}
        onClick={onChange ? () => onChange(n) : undefined}
      >
        <Text>★</Text>
      </View>
    ))}
    {value > 0 ? <Text className="stars__word">{STAR_WORDS[value]}</Text> : null}
  </View>
);
