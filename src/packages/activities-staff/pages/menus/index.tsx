import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useState, type ReactNode } from 'react';
import { CreateMenuInput, type ActivityMenuView } from '../../../../../types/activities';
import { ACTIVITY_MENU_STATUS_LABELS } from '../../../../../types/constants/activities';
import { ChoiceChips, EmptyState, ErrorState, FormField, LoadingState, PageShell, StatusTag } from '../../../../components';
import { ApiCallError, call, messageOf } from '../../../../services';
import { fieldErrorsOf, type FieldErrors } from '../../../../lib/fieldErrors';
import { ROUTES } from '../../../../lib/routes';
import { formatDateTime } from '../../../../lib/time';
import { MENU_STATUS_TONES } from '../../../../pages/activities/lib/activityLabels';
import { monthLabel, monthOf, shiftMonth } from '../../../../pages/activities/lib/activityTime';
import '../../../../pages/activities/activities.scss';

type MenusState = { status: 'loading' } | { status: 'ready'; items: ActivityMenuView[] } | { status: 'error'; error: unknown };

/** 备菜 for activities: every month's menu, and a new one for this month or the next two. */
const MenusPage = () => {
  const [state, setState] = useState<MenusState>({ status: 'loading' });
  const thisMonth = monthOf();
  const months = [0, 1, 2].map((d) => shiftMonth(thisMonth, d));
  const [month, setMonth] = useState(thisMonth);
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [busy, setBusy] = useState(false);

  const load = useCallback(async (quiet = false) => {
    if (!quiet) setState({ status: 'loading' });
    try {
      const { items } = await call('activities', 'listMenus', {});
      setState({ status: 'ready', items });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, []);

  useDidShow(() => {
    void load(state.status === 'ready');
  });

  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  const existing = state.status === 'ready' ? state.items.find((m) => m.month === month) : undefined;

  const create = async () => {
    const parsed = CreateMenuInput.safeParse(title.trim() ? { month, title } : { month });
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues));
      return;
    }
    setErrors({});
    if (busy) return;
    setBusy(true);
    try {
      const menu = await call('activities', 'createMenu', parsed.data);
      void Taro.showToast({ title: '菜单已创建', icon: 'success' });
      setTitle('');
      void Taro.navigateTo({ url: ROUTES.staffActivityMenu(menu.month) });
    } catch (error) {
      if (error instanceof ApiCallError && error.fields) setErrors(error.fields);
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  let list: ReactNode;
  if (state.status === 'loading') list = <LoadingState />;
  else if (state.status === 'error') list = <ErrorState error={state.error} onRetry={() => void load()} />;
  else if (state.items.length === 0) list = <EmptyState title="还没有活动菜单" description="在上方选择月份并创建菜单，再添加本月的活动。" />;
  else
    list = (
      <CellGroup title="各月菜单">
        {state.items.map((menu) => (
          <Cell
            key={menu._id}
            clickable
            title={menu.title}
            description={menu.publishedAt ? `发布于 ${formatDateTime(menu.publishedAt)}` : '草稿：居民暂不可见'}
            extra={<StatusTag text={ACTIVITY_MENU_STATUS_LABELS[menu.status]} tone={MENU_STATUS_TONES[menu.status]} />}
            onClick={() => void Taro.navigateTo({ url: ROUTES.staffActivityMenu(menu.month) })}
          />
        ))}
      </CellGroup>
    );

  return (
    <PageShell>
      <View className="card">
        <View className="card__title">党群服务菜单</View>
        <Text className="muted">每月一份菜单：先创建并添加活动，检查无误后发布，订阅的居民会收到通知。</Text>
      </View>
      <View className="form-card">
        <FormField label="月份" required error={errors.month}>
          <ChoiceChips options={months.map((m) => ({ value: m, label: monthLabel(m) }))} value={month} onChange={setMonth} />
        </FormField>
        {existing ? null : (
          <FormField label="菜单标题" error={errors.title} hint={`不填则为“${monthLabel(month)}党群服务菜单”`}>
            <Input value={title} placeholder="选填" maxLength={30} onChange={setTitle} />
          </FormField>
        )}
      </View>
      {existing ? (
        <Button type="primary" block onClick={() => void Taro.navigateTo({ url: ROUTES.staffActivityMenu(month) })}>
          编辑{monthLabel(month)}菜单
        </Button>
      ) : (
        <Button type="primary" block loading={busy} disabled={busy || state.status !== 'ready'} onClick={() => void create()}>
          创建{monthLabel(month)}菜单
        </Button>
      )}
      {list}
      <View className="actions actions--stacked">
        <Button type="default" block onClick={() => void Taro.navigateTo({ url: ROUTES.staffActivityBlocks })}>
          报名限制名单
        </Button>
      </View>
    </PageShell>
  );
};

export default MenusPage;
