import type { WishStatus } from '../../../../types/wishes';
import { WISH_STATUS_LABELS } from '../../../../types/constants/wishes';
import { StatusTag, type StatusTone } from '../../../components';

const WISH_TONES: Record<WishStatus, StatusTone> = {
  pending_review: 'warning',
  open: 'brand',
  rejected: 'danger',
  claimed: 'warning',
  fulfilled: 'success',
  confirmed: 'success',
  withdrawn: 'muted',
  expired: 'muted',
};

export const WishStatusTag = ({ status }: { status: WishStatus }) => <StatusTag text={WISH_STATUS_LABELS[status]} tone={WISH_TONES[status]} />;
