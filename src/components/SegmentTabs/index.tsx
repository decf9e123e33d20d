import { Text, View } from '@tarojs/components';

export interface SegmentTab<V extends string> {
  value: V;
  label: string;
}

export interface SegmentTabsProps<V extends string> {
  tabs: ReadonlyArray<SegmentTab<V>>;
  value: V;
  onChange: (value: V) => void;
}

/**
 * A two-to-five way switch (常规/特色, status filters). Plain views rather than NutUI Tabs: no swipe
 * or underline animation is needed, and NutUI Tabs measures its layout with selector queries.
 */
export const SegmentTabs = <V extends string>({ tabs, value, onChange }: SegmentTabsProps<V>) => (
  <View className="kind-switch">
    {tabs.map((tab) => (
      <View
        key={tab.value}
        id={`tab-${tab.value}`}
        className={`kind-switch__tab${tab.value === value ? ' kind-switch__tab--active' : ''}`}
        onClick={() => onChange(tab.value)}
      >
        <Text>{tab.label}</Text>
      </View>
    ))}
  </View>
);
