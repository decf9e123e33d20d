import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState } from 'react';
import type { Skill, UserSummary } from '../../../../types/users';
import { EmptyState, ErrorState, LoadingState, StatusTag } from '../../../components';
import { call } from '../../../services';
import '../../../pages/orders/components/orders.scss';

type MembersState = { status: 'loading' } | { status: 'ready'; members: UserSummary[] } | { status: 'error'; error: unknown };

/** A member can serve an order that needs no skill, or one of theirs. */
export const matchesSkills = (member: Pick<UserSummary, 'skills'>, needed: readonly Skill[]): boolean =>
  needed.length === 0 || needed.some((skill) => member.skills.includes(skill));

/** Matching members first, then the rest, each group in the server's order. */
export const rankMembers = (members: readonly UserSummary[], needed: readonly Skill[]): UserSummary[] => [
  ...members.filter((m) => matchesSkills(m, needed)),
  ...members.filter((m) => !matchesSkills(m, needed)),
];

export interface MemberPickerProps {
  /** The skills the order needs; members who have one are marked 技能匹配 and listed first. */
  skills: readonly Skill[];
  disabled?: boolean;
  onPick: (member: UserSummary) => void;
}

/** 派单: the community's party-member volunteers with their skills. */
export const MemberPicker = ({ skills, disabled, onPick }: MemberPickerProps) => {
  const [state, setState] = useState<MembersState>({ status: 'loading' });

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      const { items } = await call('users', 'listUsers', { role: 'member' });
      setState({ status: 'ready', members: items });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  if (state.status === 'loading') return <LoadingState text="正在加载党员志愿者…" />;
  if (state.status === 'error') return <ErrorState error={state.error} onRetry={() => void load()} />;
  if (state.members.length === 0) return <EmptyState title="本社区还没有党员志愿者" description="在“党员审核”中通过报到申请后即可派单。" />;

  return (
    <View>
      {rankMembers(state.members, skills).map((member) => {
        const match = matchesSkills(member, skills);
        return (
          <View key={member._id} className={`member-option${match ? ' member-option--match' : ''}`}>
            <View className="member-option__who">
              <View className="member-option__name">
                <Text>{member.name}</Text>
                {match ? <StatusTag text="技能匹配" tone="success" /> : null}
              </View>
              <Text className="muted">{member.skills.length > 0 ? member.skills.join('、') : '未填写技能'}</Text>
              {member.branch ? <Text className="muted">{` · ${member.branch}`}</Text> : null}
            </View>
            <Button type={match ? 'primary' : 'default'} disabled={disabled} onClick={() => onPick(member)}>
              派单
            </Button>
          </View>
        );
      })}
    </View>
  );
};
