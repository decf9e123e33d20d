import { View } from '@tarojs/components';
import type { ReactNode } from 'react';
import type { ActivityCategory, SignupPhase, SignupStatus } from '../../../../types/activities';
import { ACTIVITY_CATEGORY_LABELS, SIGNUP_PHASE_LABELS, SIGNUP_STATUS_LABELS } from '../../../../types/constants/activities';
import { StatusTag } from '../../../components';
import { SIGNUP_PHASE_TONES, SIGNUP_STATUS_TONES } from '../lib/activityLabels';

export const CategoryTag = ({ category }: { category: ActivityCategory }) => <StatusTag text={ACTIVITY_CATEGORY_LABELS[category]} tone="muted" />;

export const PhaseTag = ({ phase }: { phase: SignupPhase }) => <StatusTag text={SIGNUP_PHASE_LABELS[phase]} tone={SIGNUP_PHASE_TONES[phase]} />;

export const SignupStatusTag = ({ status }: { status: SignupStatus }) => <StatusTag text={SIGNUP_STATUS_LABELS[status]} tone={SIGNUP_STATUS_TONES[status]} />;

export const TagRow = ({ children }: { children: ReactNode }) => <View className="tag-row">{children}</View>;
