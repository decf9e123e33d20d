import Taro, { usePullDownRefresh } from '@tarojs/taro';
import { Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import type { CategoryKind, ServiceItem } from '../../../types/menu';
import { CATEGORY_KIND_LABELS } from '../../../types/constants/menu';
import { EmptyState, ErrorState, LoadingState, PageShell, SegmentTabs } from '../../components';
import { formatDuration } from '../../lib/time';
import { useMenu } from './useMenu';
import { quotaText } from '../orders/components/quota';
import { ROUTES } from '../../lib/routes';

const KIND_TABS = [
  { value: 'regular', label: CATEGORY_KIND_LABELS.regular },
  { value: 'featured', label: CATEGORY_KIND_LABELS.featured },
] as const;


const openItem = (item: ServiceItem) => () => void Taro.navigateTo({ url: ROUTES.menuItem(item._id) });

const MenuPage = () => {
  const { state, load } = useMenu();
  const [kind, setKind] = useState<CategoryKind>('regular');

  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState text="正在加载服务菜单…" />;
  else if (state.status === 'error') {
    // An unregistered visitor gets ErrorState's invitation to register.
    body = (
      <ErrorState
        error={state.error}
        onRetry={() => void load()}
      />
    );
  } else {
    const sections = state.data.filter((section) => section.category.kind === kind);
    body =
      sections.length === 0 ? (
        <EmptyState
          title={`暂无${CATEGORY_KIND_LABELS[kind]}`}
          description="社区正在准备新的服务，下拉可刷新；也可以看看另一类服务。"
        />
      ) : (
        sections.map((section) => (
          <CellGroup key={section.category._id} title={section.category.name}>
            {section.items.map((item) => (
              <Cell
                key={item._id}
                clickable
                title={item.title}
                description={`${formatDuration(item.durationMinutes)}${item.skills.length ? ` · ${item.skills.join('、')}` : ''}`}
                extra={quotaText(item)}
                onClick={openItem(item)}
              />
            ))}
          </CellGroup>
        ))
      );
  }

  return (
    <PageShell tab="menu">
      <SegmentTabs tabs={KIND_TABS} value={kind} onChange={setKind} />
      {body}
      {state.status === 'ready' ? (
        <View>
          <Text className="footer-note">下拉刷新菜单</Text>
        </View>
      ) : null}
    </PageShell>
  );
};

export default MenuPage;
