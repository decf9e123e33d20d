/**
 * 长辈标记: staff mark a resident of the community as elderly (or take the mark off), asked first.
 * A marked resident's app opens in 长辈模式 (lib/elderlyMode.ts), and 代点单/代报名 list them first.
 */
import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup, Dialog } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState, type ReactNode } from 'react';
import { SetElderlyInput, type UserSummary } from '../../../../../types/users';
import { EmptyState, ErrorState, LoadingState } from '../../../../components';
import { MoreResidentsNote, ResidentName, ResidentSearchBox, residentAddressLine, useResidentSearch } from '../../../../components/ResidentPicker';
import { call, messageOf } from '../../../../services';

export const ElderlyMarks = () => {
  const { keyword, setKeyword, word, state, load, setData } = useResidentSearch();
  const [pending, setPending] = useState<UserSummary | null>(null);
  const [busy, setBusy] = useState(false);

  const confirm = async () => {
    if (!pending || busy) return;
    const parsed = SetElderlyInput.safeParse({ userId: pending._id, elderly: !pending.elderly });
    if (!parsed.success) return;
    setBusy(true);
    try {
      const marked = await call('users', 'setElderly', parsed.data);
      void Taro.showToast({ title: marked.elderly ? '已标记为长辈' : '已取消长辈标记', icon: 'success' });
      if (state.status === 'ready') setData({ ...state.data, items: state.data.items.map((u) => (u._id === marked._id ? marked : u)) });
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
      void load(true);
    } finally {
      setBusy(false);
      setPending(null);
    }
  };

  let list: ReactNode;
  if (state.status === 'loading') list = <LoadingState text="正在读取居民名单…" />;
  else if (state.status === 'error') list = <ErrorState error={state.error} onRetry={() => void load()} />;
  else if (state.data.items.length === 0)
    list = <EmptyState title={word ? '没有找到这位居民' : '本社区还没有居民'} description={word ? '换个姓名、手机尾号或楼栋再试。' : '居民注册后会出现在这里。'} />;
  else
    list = (
      <CellGroup title="本社区居民">
        {state.data.items.map((u) => (
          <Cell
            key={u._id}
            className="elderly-row"
            title={<ResidentName user={u} />}
            description={residentAddressLine(u)}
            extra={
              <Button type={u.elderly ? 'default' : 'primary'} size="small" disabled={busy} onClick={() => setPending(u)}>
                {u.elderly ? '取消标记' : '标记长辈'}
              </Button>
            }
          />
        ))}
      </CellGroup>
    );

  return (
    <View className="elderly-marks">
      <ResidentSearchBox keyword={keyword} onChange={setKeyword} />
      {list}
      {state.status === 'ready' && state.data.more ? <MoreResidentsNote /> : null}
      <Dialog
        visible={pending !== null}
        title={pending?.elderly ? '取消长辈标记' : '标记为长辈'}
        content={
          <Text>
            {pending?.elderly
              ? `确认取消${pending.name}的长辈标记？其小程序不再默认打开长辈模式。`
              : `确认将${pending?.name ?? ''}标记为长辈？其小程序将默认以长辈模式（大字、大按钮）打开，代点单、代报名时排在前面。`}
          </Text>
        }
        confirmText={pending?.elderly ? '确认取消' : '确认标记'}
        cancelText="再想想"
        disableConfirmButton={busy}
        onConfirm={() => confirm()}
        onCancel={() => setPending(null)}
        onClose={() => setPending(null)}
      />
    </View>
  );
};
