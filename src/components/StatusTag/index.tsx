import { Tag } from '@nutui/nutui-react-taro';
import type { ItemStatus } from '../../../types/menu';
import { ITEM_STATUS_LABELS } from '../../../types/constants/menu';
import type { MemberStatus, Role } from '../../../types/users';
import { MEMBER_STATUS_LABELS, ROLE_LABELS } from '../../../types/constants/users';

export type StatusTone = 'brand' | 'success' | 'warning' | 'danger' | 'muted';

/**
 * Soft tint behind strong text, so a state reads at a glance without shouting. NutUI's own
 * `type` colours are solid fills (and `plain` keeps the fill), hence explicit colours.
 */
const TONE_COLOURS: Record<StatusTone, { background: string; color: string }> = {
  brand: { background: '#fbe8e8', color: '#c8161d' },
  success: { background: '#e6f4ea', color: '#1e7b3c' },
  warning: { background: '#fff3df', color: '#a35200' },
  danger: { background: '#fdeceb', color: '#b3261e' },
  muted: { background: '#efefef', color: '#555555' },
};

export interface StatusTagProps {
  text: string;
  tone: StatusTone;
}

/** State is always visible as a coloured tag (待派单, 服务中, 已归档 …). */
export const StatusTag = ({ text, tone }: StatusTagProps) => (
  <Tag className={`status-tag status-tag--${tone}`} background={TONE_COLOURS[tone].background} color={TONE_COLOURS[tone].color}>
    {text}
  </Tag>
);

const ITEM_TONES: Record<ItemStatus, StatusTone> = { draft: 'muted', published: 'success', paused: 'warning', archived: 'muted' };
export const ItemStatusTag = ({ status }: { status: ItemStatus }) => (
  <StatusTag text={ITEM_STATUS_LABELS[status]} tone={ITEM_TONES[status]} />
);

const MEMBER_TONES: Record<MemberStatus, StatusTone> = { none: 'muted', pending: 'warning', approved: 'success', rejected: 'danger' };
export const MemberStatusTag = ({ status }: { status: MemberStatus }) => (
  <StatusTag text={MEMBER_STATUS_LABELS[status]} tone={MEMBER_TONES[status]} />
);

export const RoleTag = ({ role }: { role: Role }) => (
  <StatusTag text={ROLE_LABELS[role]} tone={role === 'resident' ? 'muted' : 'brand'} />
);
