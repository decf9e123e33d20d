import { fireEvent, render, screen } from '@testing-library/react';
import { EmptyState } from '../../src/components';

describe('EmptyState', () => {
  it('says what is missing and what to do next', () => {
    render(<EmptyState title="还没有服务" description="点击“新建服务”准备本月的服务菜单。" />);
    expect(screen.getByText('还没有服务')).toBeTruthy();
    expect(screen.getByText('点击“新建服务”准备本月的服务菜单。')).toBeTruthy();
    expect(screen.queryByRole('button')).toBeNull();
  });

  it('offers the next step as a button when given one', () => {
    const onAction = jest.fn();
    render(<EmptyState title="您还不是党员志愿者" actionText="去申请" onAction={onAction} />);
    fireEvent.click(screen.getByRole('button', { name: '去申请' }));
    expect(onAction).toHaveBeenCalledTimes(1);
  });

  it('shows no button for an action text without a handler', () => {
    render(<EmptyState title="空" actionText="去申请" />);
    expect(screen.queryByRole('button')).toBeNull();
  });
});
