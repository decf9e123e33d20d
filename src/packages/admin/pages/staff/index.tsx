/**
 * The staff of one community: remove one (asked first, with a reason), appoint a registered
 * resident of the community, or make a one-time invitation code to hand to someone.
 */
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { Button, Cell, CellGroup, Dialog, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { RemoveStaffInput, type StaffInviteView, type StaffMember } from '../../../../../types/admin';
import type { UserSummary } from '../../../../../types/users';
import { EmptyState, ErrorState, LoadingState, PageShell, StatusTag } from '../../../../components';
import { ReasonDialog } from '../../../../pages/orders/components/ReasonDialog';
import { call, messageOf } from '../../../../services';
import { fieldErrorsOf } from '../../../../lib/fieldErrors';
import { formatDateTime } from '../../../../lib/time';
import { useRemote } from '../../../../lib/useRemote';
import '../../admin.scss';

/** The invitation just made: its code is shown once, here, to hand over. */
const InviteCard = ({ invite }: { invite: StaffInviteView }) => (
  <View className="card invite-card">
    <View className="card__title">{invite.communityName}工作人员邀请码</View>
    <Text className="invite-code">{invite.code}</Text>
    <Text className="muted line">请发给要加入的工作人员：在“注册”页选“工作人员邀请码”输入。只能使用一次，{formatDateTime(invite.expiresAt)}前有效。</Text>
    <View className="actions">
      <Button type="primary" onClick={() => void Taro.setClipboardData({ data: invite.code })}>
        复制邀请码
      </Button>
    </View>
  </View>
);

/** Registered residents of the community, found by name, phone's last four digits or building. */
const Appoint = ({ communityId, communityName, onAppointed }: { communityId: string; communityName: string; onAppointed: () => void }) => {
  const [keyword, setKeyword] = useState('');
  const [found, setFound] = useState<UserSummary[] | null>(null);
  const [picked, setPicked] = useState<UserSummary | null>(null);
  const [busy, setBusy] = useState(false);
  const search = async () => {
    const word = keyword.trim();
    if (!word) {
      void Taro.showToast({ title: '请输入姓名、手机尾号或楼栋', icon: 'none' });
      return;
    }
    try {
      const { items } = await call('users', 'listUsers', { communityId, role: 'resident', keyword: word, pageSize: 20 });
      setFound(items);
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    }
  };
  const appoint = async () => {
    if (!picked || busy) return;
    setBusy(true);
    try {
      await call('admin', 'appointStaff', { userId: picked._id, communityId });
      void Taro.showToast({ title: `已任命${picked.name}`, icon: 'success' });
      setFound(null);
      setKeyword('');
      onAppointed();
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setBusy(false);
      setPicked(null);
    }
  };
  return (
    <View className="card card--spaced appoint">
      <View className="card__title">从本社区已注册居民中任命</View>
      <View className="form-field">
        <Input value={keyword} placeholder="按姓名、手机尾号或楼栋查找" maxLength={20} onChange={setKeyword} />
      </View>
      <Button type="default" block onClick={() => void search()}>
        查找居民
      </Button>
      {found === null ? null : found.length === 0 ? (
        <Text className="muted line">没有找到这位居民，换个姓名或手机尾号再试；未注册的人请用邀请码。</Text>
      ) : (
        <CellGroup>
          {found.map((u) => (
            <Cell
              key={u._id}
              title={u.name}
              description={`${u.building}${u.room} · ${u.phone}`}
              extra={
                <Button type="primary" size="small" onClick={() => setPicked(u)}>
                  任命
                </Button>
              }
            />
          ))}
        </CellGroup>
      )}
      <Dialog
        visible={picked !== null}
        title="任命社区工作者"
        content={<Text>{picked ? `确认任命${picked.name}为${communityName}的社区工作者？任命后可派单、审核心愿、管理活动。` : ''}</Text>}
        confirmText="确认任命"
        cancelText="再想想"
        disableConfirmButton={busy}
        onConfirm={() => appoint()}
        onCancel={() => setPicked(null)}
        onClose={() => setPicked(null)}
      />
    </View>
  );
};

const StaffPage = () => {
  const { params } = useRouter();
  const communityId = params.communityId ?? '';
  const communityName = decodeURIComponent(params.name ?? '');
  const { state, load } = useRemote(() => call('admin', 'listStaff', { communityId }), [communityId], { auto: false });
  const [removing, setRemoving] = useState<StaffMember | null>(null);
  const [invite, setInvite] = useState<StaffInviteView | null>(null);
  const [busy, setBusy] = useState(false);

  useDidShow(() => {
    void load(state.status === 'ready');
  });
  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  const makeInvite = async () => {
    if (busy) return;
    setBusy(true);
    try {
      setInvite(await call('admin', 'createStaffInvite', { communityId }));
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  let list: ReactNode;
  if (state.status === 'loading') list = <LoadingState text="正在读取工作人员…" />;
  else if (state.status === 'error') list = <ErrorState error={state.error} onRetry={() => void load()} />;
  else if (state.data.items.length === 0)
    list = <EmptyState title="这个社区还没有工作人员" description="用下方的邀请码请工作人员加入，或从已注册的居民中任命。" />;
  else
    list = (
      <CellGroup title={`工作人员（${state.data.items.length}人）`}>
        {state.data.items.map((s) => (
          <Cell
            key={s._id}
            className="staff-row"
            title={
              <View className="card__title">
                <Text>{s.name}</Text>
                <StatusTag text="社区工作者" tone="brand" />
              </View>
            }
            description={s.phone}
            extra={
              <Button type="default" size="small" onClick={() => setRemoving(s)}>
                移除
              </Button>
            }
          />
        ))}
      </CellGroup>
    );

  return (
    <PageShell>
      <View className="card">
        <View className="card__title">{communityName || '社区'}</View>
        <Text className="muted">社区工作者负责派单、审核心愿和党员申请、管理活动菜单。</Text>
      </View>
      {list}
      {invite ? <InviteCard invite={invite} /> : null}
      <View className="actions actions--stacked">
        <Button type="primary" block loading={busy} disabled={busy} onClick={() => void makeInvite()}>
          {invite ? '再生成一个邀请码' : '生成邀请码'}
        </Button>
      </View>
      <Appoint communityId={communityId} communityName={communityName} onAppointed={() => void load(true)} />
      <ReasonDialog
        visible={removing !== null}
        title="移除工作人员"
        message={removing ? `确认移除${removing.name}？移除后其成为本社区的普通居民，不能再派单和审核。` : ''}
        label="移除原因"
        placeholder="如：工作调动"
        confirmText="确认移除"
        required
        busy={busy}
        validate={(reason) => {
          const parsed = RemoveStaffInput.safeParse({ userId: removing?._id ?? '', reason: reason.trim() });
          return parsed.success ? null : (fieldErrorsOf(parsed.error.issues).reason ?? '请填写移除原因');
        }}
        onConfirm={async (reason) => {
          if (!removing) return true;
          try {
            await call('admin', 'removeStaff', { userId: removing._id, reason });
            void Taro.showToast({ title: `已移除${removing.name}`, icon: 'success' });
            void load(true);
            return true;
          } catch (error) {
            void Taro.showToast({ title: messageOf(error), icon: 'none' });
            return false;
          }
        }}
        onClose={() => setRemoving(null)}
      />
    </PageShell>
  );
};

export default StaffPage;
