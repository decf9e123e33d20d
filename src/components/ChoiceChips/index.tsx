import { Text, View } from '@tarojs/components';

export interface ChoiceOption {
  value: string;
  label: string;
}

interface CommonProps {
  options: readonly ChoiceOption[];
}

interface SingleProps extends CommonProps {
  multiple?: false;
  value: string | null;
  onChange: (value: string) => void;
}

interface MultipleProps extends CommonProps {
  multiple: true;
  value: readonly string[];
  onChange: (value: string[]) => void;
}

/**
 * Choices laid out as large tappable chips rather than a scrolling picker: every option visible at
 * once, easy to hit in 长辈模式, and findable by its text.
 */
export const ChoiceChips = (props: SingleProps | MultipleProps) => {
  const selected = (value: string) => (props.multiple ? props.value.includes(value) : props.value === value);
  const toggle = (value: string) => {
    if (props.multiple) {
      props.onChange(props.value.includes(value) ? props.value.filter((v) => v !== value) : [...props.value, value]);
    } else {
      props.onChange(value);
    }
  };
  return (
    <View className="chips">
      {props.options.map((option) => (
        <View
          key={option.value}
          className={`chip${selected(option.value) ? ' chip--selected' : ''}`}
          onClick={() => toggle(option.value)}
        >
          <Text>{option.label}</Text>
        </View>
      ))}
    </View>
  );
};
