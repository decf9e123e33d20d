import { render, screen } from '@testing-library/react';
import { ItemStatusTag, MemberStatusTag, RoleTag, StatusTag } from '../../src/components';

describe('StatusTag', () => {
  it('shows its text with the tone as a class', () => {
    render(<StatusTag text="待派单" tone="warning" />);
    expect(screen.getByText('待派单').className).toContain('status-tag--warning');
  });

  it.each([
    ['draft', '草稿', 'muted'],
    ['published', '已上架', 'success'],
    ['paused', '已暂停', 'warning'],
    ['archived', '已归档', 'muted'],
  ] as const)('labels item status %s as %s', (status, label, tone) => {
    render(<ItemStatusTag status={status} />);
    expect(screen.getByText(label).className).toContain(`status-tag--${tone}`);
  });

  it.each([
    ['none', '未申请', 'muted'],
    ['pending', '审核中', 'warning'],
    ['approved', '已通过', 'success'],
    ['rejected', '未通过', 'danger'],
  ] as const)('labels member status %s as %s', (status, label, tone) => {
    render(<MemberStatusTag status={status} />);
    expect(screen.getByText(label).className).toContain(`status-tag--${tone}`);
  });

  it('marks roles with responsibilities in the brand colour', () => {
    render(
      <>
        <RoleTag role="staff" />
        <RoleTag role="resident" />
      </>,
    );
    expect(screen.getByText('社区工作者').className).toContain('status-tag--brand');
    expect(screen.getByText('社区工作者').style.color).toBe('rgb(200, 22, 29)');
    expect(screen.getByText('居民').className).toContain('status-tag--muted');
  });
});
