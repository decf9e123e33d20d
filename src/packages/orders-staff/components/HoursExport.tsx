import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ChoiceChips } from '../../../components';
import { formatShanghai } from '../../../lib/shanghai';
import { saveWorkbook } from '../../../lib/saveWorkbook';
import { ApiCallError, call, messageOf } from '../../../services';

type Range = 'thisMonth' | 'lastMonth' | 'thisYear' | 'lastYear';
const RANGES = [
  { value: 'thisMonth', label: '本月' },
  { value: 'lastMonth', label: '上月' },
  { value: 'thisYear', label: '今年' },
  { value: 'lastYear', label: '去年' },
] as const;

const monthAt = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;

/** The months a choice covers, in the Shanghai calendar. */
export const hoursRange = (range: Range, now = Date.now()): { from: string; to: string } => {
  const current = formatShanghai(now, 'YYYY-MM');
  const year = Number(current.slice(0, 4));
  const index = year * 12 + Number(current.slice(5, 7)) - 1;
  if (range === 'thisMonth') return { from: current, to: current };
  if (range === 'lastMonth') return { from: monthAt(index - 1), to: monthAt(index - 1) };
  if (range === 'thisYear') return { from: `${year}-01`, to: current };
  return { from: `${year - 1}-01`, to: `${year - 1}-12` };
};

/** 导出服务时长: every member's hours for a period as one workbook. */
export const HoursExport = () => {
  const [range, setRange] = useState<Range>('thisYear');
  const [busy, setBusy] = useState(false);
  const period = hoursRange(range);

  const exportHours = async () => {
    setBusy(true);
    try {
      const { fileName, base64 } = await call('points', 'exportHours', period);
      await saveWorkbook(fileName, base64);
      if (process.env.TARO_ENV === 'h5') void Taro.showToast({ title: '已导出', icon: 'success' });
    } catch (error) {
      void Taro.showToast({ title: error instanceof ApiCallError ? messageOf(error) : '导出失败，请重试', icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <View className="card hours-export">
      <View className="card__title">导出志愿服务时长</View>
      <ChoiceChips options={RANGES} value={range} onChange={(value) => setRange(value as Range)} />
      <Text className="muted line">{period.from === period.to ? `${period.from}，全体党员` : `${period.from} 至 ${period.to}，全体党员`}</Text>
      <Button block loading={busy} disabled={busy} onClick={() => void exportHours()}>
        导出时长 Excel
      </Button>
    </View>
  );
};
