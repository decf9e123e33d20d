import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Dialog } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { ACTIVITY_MENU_STATUS_LABELS } from '../../../../../types/constants/activities';
import { EmptyState, ErrorState, LoadingState, PageShell, StatusTag } from '../../../../components';
import { call, messageOf } from '../../../../services';
import { ROUTES } from '../../../../lib/routes';
import { useRemote } from '../../../../lib/useRemote';
import { formatDateTime } from '../../../../lib/time';
import { ActivityCard, groupByDate } from '../../../../pages/activities/components/ActivityCard';
import { MENU_STATUS_TONES } from '../../../../pages/activities/lib/activityLabels';
import { dateOf, dayLabel, monthLabel, monthOf, shiftMonth } from '../../../../pages/activities/lib/activityTime';
import '../../../../pages/activities/activities.scss';

/** One month's menu as staff see it (drafts included): its activities, adding more, publishing. */
const MenuEditorPage = () => {
  const { params } = useRouter();
  const month = params.month ? decodeURIComponent(params.month) : monthOf();
  const { state, setState, load } = useRemote(() => call('activities', 'monthMenu', { month }), [month], { auto: false });
  const [busy, setBusy] = useState(false);
  const [confirming, setConfirming] = useState(false);
  // The month whose menu is about to be copied forward, while its confirmation is open.
  const [carrying, setCarrying] = useState<string | null>(null);

  // Also on returning from the activity and series forms.
  useDidShow(() => {
    void load(state.status === 'ready');
  });

  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  const createMenu = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await call('activities', 'createMenu', { month });
      await load(true);
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  const publish = async (menuId: string) => {
    setConfirming(false);
    if (busy) return;
    setBusy(true);
    try {
      const menu = await call('activities', 'publishMenu', { menuId });
      setState((current) => (current.status === 'ready' ? { status: 'ready', data: { ...current.data, menu } } : current));
      void Taro.showToast({ title: '菜单已发布', icon: 'success' });
      void load(true);
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  /**
   * 一键沿用: the `from` month's activities become next month's draft (same weekdays, series
   * regenerated, no sign-ups). The result says what was made and what was left out, and leads to it.
   */
  const carryForward = async (from: string) => {
    setCarrying(null);
    if (busy) return;
    setBusy(true);
    const target = shiftMonth(from, 1);
    try {
      const result = await call('activities', 'carryForward', { month: from });
      const skipped = result.skipped > 0 ? `另有${result.skipped}场的日期已过，没有沿用。` : '';
      const content = `已在${monthLabel(target)}菜单生成${result.created}场活动（草稿，居民暂时看不到）。${skipped}请检查后发布。`;
      if (target === month) {
        await load(true);
        void Taro.showModal({ title: '已沿用上月菜单', content, showCancel: false, confirmText: '知道了' });
      } else {
        const { confirm } = await Taro.showModal({ title: '已沿用到下月', content, confirmText: '去看看', cancelText: '留在本页' });
        if (confirm) void Taro.navigateTo({ url: ROUTES.staffActivityMenu(target) });
      }
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  const go = (url: string) => () => void Taro.navigateTo({ url });

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else if (!state.data.menu)
    body = (
      <>
        <EmptyState
          title={`还没有${monthLabel(month)}的菜单`}
          description="创建菜单后即可添加本月的活动；也可以把上月的活动一键沿用过来，再增减修改。"
          actionText="创建菜单"
          onAction={() => void createMenu()}
        />
        <View className="actions actions--stacked">
          <Button type="default" block disabled={busy} onClick={() => setCarrying(shiftMonth(month, -1))}>
            沿用上月菜单
          </Button>
        </View>
      </>
    );
  else {
    const { menu, activities } = state.data;
    const draft = menu.status === 'draft';
    body = (
      <>
        <View className="card">
          <View className="card__title">
            <Text>{menu.title}</Text>
            <StatusTag text={ACTIVITY_MENU_STATUS_LABELS[menu.status]} tone={MENU_STATUS_TONES[menu.status]} />
          </View>
          <Text className="muted">
            {draft
              ? `共${activities.length}场活动。草稿居民看不到，发布后订阅的居民会收到通知。`
              : `共${activities.length}场活动，发布于${menu.publishedAt ? formatDateTime(menu.publishedAt) : ''}。已发布的活动只能修改名称、简介、地点、名额和积分。`}
          </Text>
          <View className="actions">
            {draft ? (
              <Button type="primary" disabled={busy || activities.length === 0} onClick={() => setConfirming(true)}>
                发布菜单
              </Button>
            ) : null}
            <Button type={draft ? 'default' : 'primary'} onClick={go(ROUTES.staffActivityEditor(month))}>
              添加活动
            </Button>
            <Button type="default" onClick={go(ROUTES.staffActivitySeries(month))}>
              添加每周活动
            </Button>
            {activities.length > 0 ? (
              <Button type="default" disabled={busy} onClick={() => setCarrying(month)}>
                一键沿用到下月
              </Button>
            ) : null}
          </View>
        </View>
        {activities.length === 0 ? (
          <EmptyState title="菜单里还没有活动" description="点击“添加活动”添加单场活动，或用“添加每周活动”一次生成如每周一的中医夜市。" />
        ) : (
          groupByDate(activities, dateOf).map((group) => (
            <View key={group.key}>
              <Text className="section-title">{dayLabel(group.items[0].startAt)}</Text>
              {group.items.map((activity) => (
                <ActivityCard key={activity._id} activity={activity} unpublished={draft}>
                  <Text className="muted">
                    已报名 {activity.confirmedCount}/{activity.capacity} 人{activity.seriesId ? ' · 每周活动' : ''}
                  </Text>
                  <View className="actions">
                    <Button type="default" size="small" onClick={go(ROUTES.staffActivityAttendees(activity._id))}>
                      报名名单
                    </Button>
                    <Button type="default" size="small" onClick={go(ROUTES.staffActivityEditor(month, activity._id))}>
                      编辑
                    </Button>
                  </View>
                </ActivityCard>
              ))}
            </View>
          ))
        )}
        <Dialog
          visible={confirming}
          title="确认发布菜单"
          content={`发布后居民即可看到并报名${monthLabel(month)}的${activities.length}场活动，订阅的居民会收到通知；活动的时间、年龄、候补和签到设置将不能再修改。确定发布吗？`}
          confirmText="确认发布"
          cancelText="再检查一下"
          onConfirm={() => void publish(menu._id)}
          onCancel={() => setConfirming(false)}
          onClose={() => setConfirming(false)}
        />
      </>
    );
  }

  return (
    <PageShell>
      {body}
      <Dialog
        visible={carrying !== null}
        title={carrying ? `沿用到${monthLabel(shiftMonth(carrying, 1))}` : ''}
        content={
          carrying
            ? `把${monthLabel(carrying)}菜单的活动复制到${monthLabel(shiftMonth(carrying, 1))}：日期顺延到相同的星期，每周活动重新生成，报名不复制。生成的是草稿，发布前可以修改。确定沿用吗？`
            : ''
        }
        confirmText="确认沿用"
        cancelText="再想想"
        onConfirm={() => {
          if (carrying) void carryForward(carrying);
        }}
        onCancel={() => setCarrying(null)}
        onClose={() => setCarrying(null)}
      />
    </PageShell>
  );
};

export default MenuEditorPage;
