import type { CategoryKind, ItemStatus } from '../../../types/menu';
import type { Skill } from '../../../types/users';
import type { AuditEvent } from '../users/userDoc';

export type CategoryDoc = {
  _id: string;
  communityId: string;
  name: string;
  kind: CategoryKind;
  sort: number;
  note?: string;
  createdAt: number;
}

export type ItemDoc = {
  _id: string;
  communityId: string;
  categoryId: string;
  categoryName: string;
  categoryKind: CategoryKind;
  title: string;
  description: string;
  skills: Skill[];
  durationMinutes: number;
  monthlyQuota: number | null;
  status: ItemStatus;
  history: AuditEvent[];
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}
