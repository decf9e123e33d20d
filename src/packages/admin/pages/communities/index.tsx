/**
 * 街道管理 home: the communities of the street (with how many staff each has), creating one, and
 * the ways to the staff of each and to the cross-community dashboard.
 */
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro';
import { Category, Location } from '@nutui/icons-react-taro';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { CreateCommunityInput, type StaffMember } from '../../../../../types/admin';
import type { CommunityOption } from '../../../../../types/users';
import { EmptyState, EntryTile, ErrorState, FormField, goTo, LoadingState, PageShell } from '../../../../components';
import { ApiCallError, call, messageOf } from '../../../../services';
import { fieldErrorsOf } from '../../../../lib/fieldErrors';
import { ROUTES } from '../../../../lib/routes';
import { useFormDraft } from '../../../../lib/useFormDraft';
import { useRemote } from '../../../../lib/useRemote';
import '../../admin.scss';

type Overview = { communities: CommunityOption[]; staffCount: Map<string, number> };

const readOverview = async (): Promise<Overview> => {
  const [{ items: communities }, { items: staff }] = await Promise.all([call('users', 'listCommunities', {}), call('admin', 'listStaff', {})]);
  const staffCount = new Map<string, number>();
  staff.forEach((s: StaffMember) => staffCount.set(s.communityId, (staffCount.get(s.communityId) ?? 0) + 1));
  return { communities, staffCount };
};

const EMPTY = { name: '', street: '' };

const CreateCommunity = ({ onCreated }: { onCreated: () => void }) => {
  const { draft, setDraft, errors, setErrors, set } = useFormDraft(EMPTY);
  const [busy, setBusy] = useState(false);
  const submit = async () => {
    const parsed = CreateCommunityInput.safeParse({ name: draft.name.trim(), street: draft.street.trim() });
    if (!parsed.success) {
      setErrors(fieldErrorsOf(parsed.error.issues));
      return;
    }
    if (busy) return;
    setBusy(true);
    try {
      const created = await call('admin', 'createCommunity', parsed.data);
      void Taro.showToast({ title: `已创建${created.name}`, icon: 'success' });
      setDraft(EMPTY);
      onCreated();
    } catch (error) {
      if (error instanceof ApiCallError && error.fields) setErrors(error.fields);
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <View className="form-card create-community">
      <View className="card__title">新建社区</View>
      <FormField label="社区名称" required error={errors.name}>
        <Input value={draft.name} placeholder="如：假日润园社区" maxLength={30} onChange={set('name')} />
      </FormField>
      <FormField label="所属街道" required error={errors.street}>
        <Input value={draft.street} placeholder="如：翠屏街道" maxLength={30} onChange={set('street')} />
      </FormField>
      <Button type="primary" block loading={busy} disabled={busy} onClick={() => void submit()}>
        创建社区
      </Button>
    </View>
  );
};

const CommunitiesPage = () => {
  const { state, load } = useRemote(readOverview, [], { auto: false });
  useDidShow(() => {
    void load(state.status === 'ready');
  });
  usePullDownRefresh(() => {
    void load(true).finally(() => Taro.stopPullDownRefresh());
  });

  let list: ReactNode;
  if (state.status === 'loading') list = <LoadingState text="正在读取社区…" />;
  else if (state.status === 'error') list = <ErrorState error={state.error} onRetry={() => void load()} />;
  else if (state.data.communities.length === 0)
    list = <EmptyState icon={<Location size={28} />} title="还没有社区" description="在下方填写社区名称和所属街道，创建第一个社区，再为它任命社区工作者。" />;
  else
    list = (
      <CellGroup title={`社区（${state.data.communities.length}个）`}>
        {state.data.communities.map((c) => (
          <Cell
            key={c._id}
            className="community-row"
            clickable
            title={c.name}
            description={`${c.street} · 工作人员 ${state.data.staffCount.get(c._id) ?? 0} 人`}
            extra={<Text className="link-text">管理人员</Text>}
            onClick={() => void Taro.navigateTo({ url: ROUTES.adminStaff(c._id, c.name) })}
          />
        ))}
      </CellGroup>
    );

  return (
    <PageShell>
      <View className="entry-grid">
        <EntryTile icon={<Category size={24} />} title="数据看板" desc="各社区每月服务数据" onClick={goTo(ROUTES.adminDashboard)} />
      </View>
      {list}
      <CreateCommunity onCreated={() => void load(true)} />
    </PageShell>
  );
};

export default CommunitiesPage;
