import { ArrowLeft, ArrowRight } from '@nutui/icons-react-taro';
import { Text, View } from '@tarojs/components';

export interface PeriodSwitcherProps {
  /** 2026年12月, 2026年第4季度 … */
  label: string;
  onPrev: () => void;
  onNext: () => void;
  /** No later period to look at (the current one is shown). */
  nextDisabled?: boolean;
  prevText?: string;
  nextText?: string;
}

/** One switcher for every page that moves between months or periods (活动菜单, 先锋榜, 月度复盘). */
export const PeriodSwitcher = ({ label, onPrev, onNext, nextDisabled = false, prevText = '上月', nextText = '下月' }: PeriodSwitcherProps) => (
  <View className="month-switch">
    <View id="month-prev" className="month-switch__arrow" onClick={onPrev}>
      <ArrowLeft size={14} />
      <Text>{prevText}</Text>
    </View>
    <Text className="month-switch__label">{label}</Text>
    <View
      id="month-next"
      className={`month-switch__arrow${nextDisabled ? ' month-switch__arrow--disabled' : ''}`}
      onClick={nextDisabled ? undefined : onNext}
    >
      <Text>{nextText}</Text>
      <ArrowRight size={14} />
    </View>
  </View>
);
