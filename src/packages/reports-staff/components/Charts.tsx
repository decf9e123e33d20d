/**
 * The 月度复盘's charts as plain views (docs/CHARTS.md: ≈1.5 KB against 130–540 KB for a chart
 * library, the same markup in weapp and h5, and real text that grows in 长辈模式). The data comes
 * shaped from src/lib/reviewCharts.ts; these only lay it out.
 */
import { ScrollView, Text, View } from '@tarojs/components';
import type { BarChart, StackedRow } from '../../../lib/reviewCharts';
import './Charts.scss';

const Head = ({ title, unit }: { title: string; unit: string }) => (
  <View className="chart__head">
    <Text className="chart__title">{title}</Text>
    <Text className="chart__unit">{`单位：${unit}`}</Text>
  </View>
);

/**
 * Twelve columns, oldest month first, the month under review in brand red. The row scrolls
 * sideways (twelve readable labels do not fit a phone, least of all in 长辈模式) and opens at its
 * right end, on the month under review.
 */
export const ColumnChart = ({ chart, id }: { chart: BarChart; id: string }) => {
  const current = chart.bars.find((b) => b.highlight);
  return (
    <View className="chart" id={id}>
      <Head title={chart.title} unit={chart.unit} />
      {chart.empty ? (
        <Text className="chart__empty">近12个月还没有数据</Text>
      ) : (
        <>
          {current ? <Text className="chart__current">{`${current.label} ${current.text}`}</Text> : null}
          <ScrollView scrollX className="chart-cols__scroll" scrollLeft={10000} enhanced showScrollbar={false}>
            <View className="chart-cols">
              {chart.bars.map((bar) => (
                <View key={bar.key} className={`chart-col${bar.highlight ? ' chart-col--now' : ''}`}>
                  <Text className="chart-col__value">{bar.text}</Text>
                  <View className="chart-col__track">
                    <View className="chart-col__bar" style={{ height: `${bar.percent}%` }} />
                  </View>
                  <Text className="chart-col__label">{bar.label}</Text>
                  <Text className="chart-col__year">{bar.year ?? ' '}</Text>
                </View>
              ))}
            </View>
          </ScrollView>
        </>
      )}
    </View>
  );
};

/** Horizontal bars, one per label, the value as text after the bar. */
export const BarList = ({ chart, id, emptyText = '本月没有数据' }: { chart: BarChart; id: string; emptyText?: string }) => (
  <View className="chart" id={id}>
    <Head title={chart.title} unit={chart.unit} />
    {chart.empty ? <Text className="chart__empty">{emptyText}</Text> : null}
    {chart.empty
      ? null
      : chart.bars.map((bar) => (
          <View key={bar.key} className="chart-bar">
            <Text className="chart-bar__label">{bar.label}</Text>
            <View className="chart-bar__track">
              <View className={`chart-bar__fill${bar.highlight ? ' chart-bar__fill--top' : ''}`} style={{ width: `${bar.percent}%` }} />
            </View>
            <Text className="chart-bar__value">{bar.text}</Text>
          </View>
        ))}
  </View>
);

/** Each service category's orders by outcome on one scale, with the demand it could not meet. */
export const StackedBars = ({ rows, id }: { rows: StackedRow[]; id: string }) => (
  <View className="chart" id={id}>
    <Head title="各类服务订单" unit="单" />
    <View className="chart-legend">
      <Text className="chart-legend__item chart-legend__item--completed">已完成</Text>
      <Text className="chart-legend__item chart-legend__item--open">进行中</Text>
      <Text className="chart-legend__item chart-legend__item--cancelled">已取消</Text>
    </View>
    {rows.map((row) => (
      <View key={row.key} className="chart-stack">
        <View className="chart-stack__head">
          <Text className="chart-stack__label">{row.label}</Text>
          <Text className="chart-stack__total">{`${row.total} 单`}</Text>
        </View>
        <View className="chart-bar__track chart-stack__track">
          {row.segments.map((s) => (
            <View key={s.key} className={`chart-stack__part chart-stack__part--${s.key}`} style={{ width: `${s.percent}%`, backgroundColor: s.color }} />
          ))}
        </View>
        <Text className="chart-stack__note">
          {[...row.segments.map((s) => `${s.label}${s.value}`), row.note].filter(Boolean).join(' · ')}
        </Text>
      </View>
    ))}
  </View>
);
