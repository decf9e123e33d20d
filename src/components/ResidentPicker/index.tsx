/**
 * Picking the resident staff act for (代点单, 代发心愿, 代报名): one list for all three — residents
 * and members of the community, 长辈 first, searchable by name, phone or building — and one card
 * showing who was picked. Not exported from components/index so the tab pages do not carry it.
 */
import { Button, Cell, CellGroup, Input } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { UserSummary } from '../../../types/users';
import { call } from '../../services';
import { useRemote } from '../../lib/useRemote';
import { EmptyState } from '../EmptyState';
import { ErrorState } from '../ErrorState';
import { LoadingState } from '../LoadingState';
import { StatusTag } from '../StatusTag';

/** Residents and members (both live in the community), the elderly first, otherwise in the server's order. */
export const residentsFirstElderly = (users: readonly UserSummary[]): UserSummary[] =>
  users
    .filter((u) => u.role === 'resident' || u.role === 'member')
    .map((u, index) => ({ u, index }))
    .sort((a, b) => Number(b.u.elderly) - Number(a.u.elderly) || a.index - b.index)
    .map(({ u }) => u);


/** The server searches (name, last four digits of the phone, building) and pages; 50 at a time here. */
export const RESIDENT_PAGE_SIZE = 50;

/**
 * The community's residents and members matching what staff typed, a page at a time; `arrange`
 * orders the page (the pickers put the elderly first).
 */
export const useResidentSearch = (arrange: (users: UserSummary[]) => UserSummary[] = (users) => users) => {
  const [keyword, setKeyword] = useState('');
  const word = keyword.trim();
  const remote = useRemote(async () => {
    const page = await call('users', 'listUsers', { role: 'resident', pageSize: RESIDENT_PAGE_SIZE, ...(word ? { keyword: word } : {}) });
    return { items: arrange(page.items), more: page.nextCursor !== null };
  }, [word]);
  return { keyword, setKeyword, word, ...remote };
};

export const ResidentSearchBox = ({ keyword, onChange }: { keyword: string; onChange: (keyword: string) => void }) => (
  <View className="form-card">
    <View className="form-field">
      <Input value={keyword} placeholder="按姓名、手机尾号或楼栋查找" maxLength={20} onChange={onChange} />
    </View>
  </View>
);

/** A resident's name with the marks staff act on: 长辈, 党员. */
export const ResidentName = ({ user }: { user: UserSummary }) => (
  <View className="resident-picker__name">
    <Text>{user.name}</Text>
    {user.elderly ? <StatusTag text="长辈" tone="warning" /> : null}
    {user.role === 'member' ? <StatusTag text="党员" tone="brand" /> : null}
  </View>
);

export const residentAddressLine = (user: UserSummary) => `${user.building}${user.room} · ${user.phone}`;

export const MoreResidentsNote = () => <Text className="footer-note">只列出前{RESIDENT_PAGE_SIZE}位，请输入姓名、手机尾号或楼栋查找</Text>;

export interface ResidentPickerProps {
  /** What the pick is for, in the list's title: 代点单, 代发心愿, 代报名. */
  purpose: string;
  onPick: (resident: UserSummary) => void;
}

export const ResidentPicker = ({ purpose, onPick }: ResidentPickerProps) => {
  const { keyword, setKeyword, word, state, load } = useResidentSearch(residentsFirstElderly);
  let list;
  if (state.status === 'loading') list = <LoadingState text="正在读取居民名单…" />;
  else if (state.status === 'error') list = <ErrorState error={state.error} onRetry={() => void load()} />;
  else list = <ResidentList items={state.data.items} more={state.data.more} word={word} purpose={purpose} onPick={onPick} />;
  return (
    <View className="resident-picker">
      <ResidentSearchBox keyword={keyword} onChange={setKeyword} />
      {list}
    </View>
  );
};

const ResidentList = ({ items: shown, more, word, purpose, onPick }: { items: UserSummary[]; more: boolean; word: string } & ResidentPickerProps) => (
    <>
      {shown.length === 0 ? (
        <EmptyState
          title={word ? '没有找到这位居民' : '本社区还没有居民'}
          description={word ? '换个姓名、手机号或楼栋再试。' : `居民注册后即可为其${purpose}。`}
        />
      ) : (
        <CellGroup title={`选择要${purpose}的居民（长辈在前）`}>
          {shown.map((resident) => (
            <Cell
              key={resident._id}
              clickable
              className="resident-picker__row"
              title={<ResidentName user={resident} />}
              description={residentAddressLine(resident)}
              onClick={() => onPick(resident)}
            />
          ))}
        </CellGroup>
      )}
      {more ? <MoreResidentsNote /> : null}
    </>
);

/** Who staff are acting for, with a way to pick someone else. */
export const ChosenResident = ({ resident, purpose, onChange }: { resident: UserSummary; purpose: string; onChange?: () => void }) => (
  <View className="card resident-chosen">
    <View className="resident-chosen__who">
      <View className="resident-picker__name">
        <Text className="card__title">为{resident.name}{purpose}</Text>
        {resident.elderly ? <StatusTag text="长辈" tone="warning" /> : null}
      </View>
      <Text className="muted line">
        {resident.building}
        {resident.room} · {resident.phone}
      </Text>
    </View>
    {onChange ? (
      <Button type="default" size="small" onClick={onChange}>
        换一位
      </Button>
    ) : null}
  </View>
);
