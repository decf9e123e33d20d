export { StatusTag, ItemStatusTag, MemberStatusTag, RoleTag, type StatusTone } from './StatusTag';
export { EmptyState } from './EmptyState';
export { LoadingState } from './LoadingState';
export { ErrorState } from './ErrorState';
export { PageShell } from './PageShell';
export { FormField } from './FormField';
export { ChoiceChips, type ChoiceOption } from './ChoiceChips';
export { SegmentTabs, type SegmentTab } from './SegmentTabs';
