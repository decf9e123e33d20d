import { Input } from '@nutui/nutui-react-taro';
import { Picker, Text, View } from '@tarojs/components';

interface PickerInputProps {
  /** Names the wrapper (`dt--signupOpensDate`), so each input can be found on a long form. */
  name: string;
  value: string;
  disabled?: boolean;
  onChange: (value: string) => void;
}

/**
 * WeChat's own date and time pickers in the mini-program; in the browser (local mode) a typed
 * value, which the form's schema checks like any other.
 */
const PickerInput = ({ name, value, disabled, onChange, mode }: PickerInputProps & { mode: 'date' | 'time' }) => {
  const empty = mode === 'date' ? '选择日期' : '选择时间';
  return (
    <View className={`dt dt--${name}`}>
      {process.env.TARO_ENV === 'weapp' ? (
        <Picker mode={mode} value={value} disabled={disabled} onChange={(e) => onChange(String(e.detail.value))}>
          <View className={`picker-value${value ? '' : ' picker-value--empty'}`}>
            <Text>{value || empty}</Text>
          </View>
        </Picker>
      ) : (
        <Input
          value={value}
          placeholder={mode === 'date' ? 'YYYY-MM-DD' : 'HH:mm'}
          maxLength={mode === 'date' ? 10 : 5}
          disabled={disabled}
          onChange={onChange}
        />
      )}
    </View>
  );
};

export const DateInput = (props: PickerInputProps) => <PickerInput {...props} mode="date" />;
export const TimeInput = (props: PickerInputProps) => <PickerInput {...props} mode="time" />;

/** A date and a time side by side (活动开始 2026-12-07 19:00). */
export const DateTimeInput = ({
  dateName,
  timeName,
  date,
  time,
  disabled,
  onDate,
  onTime,
}: {
  dateName: string;
  timeName: string;
  date: string;
  time: string;
  disabled?: boolean;
  onDate: (value: string) => void;
  onTime: (value: string) => void;
}) => (
  <View className="date-time">
    <View className="date-time__date">
      <DateInput name={dateName} value={date} disabled={disabled} onChange={onDate} />
    </View>
    <View className="date-time__time">
      <TimeInput name={timeName} value={time} disabled={disabled} onChange={onTime} />
    </View>
  </View>
);
