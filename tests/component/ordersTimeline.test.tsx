import { render, screen } from '@testing-library/react';
import type { OrderEvent } from '../../types/orders';
import { OrderTimeline, orderEventLabel } from '../../src/pages/orders/components/OrderTimeline';

const at = (hhmm: string) => Date.parse(`2026-11-20T${hhmm}:00+08:00`);

const EVENTS: OrderEvent[] = [
  { at: at('09:00'), by: 'u_sun', byName: '孙丽', from: null, to: 'submitted', note: '' },
  { at: at('09:10'), by: 'u_li', byName: '李红梅', from: 'submitted', to: 'assigned', note: '派给张建国' },
  { at: at('10:00'), by: 'u_zhang', byName: '张建国', from: 'assigned', to: 'serving', note: '' },
  { at: at('11:00'), by: 'u_zhang', byName: '张建国', from: 'serving', to: 'completed', note: '更换了温控器' },
  { at: at('11:00'), by: 'u_sun', byName: '孙丽', from: 'completed', to: 'rated', note: '5星' },
];

const items = (container: HTMLElement) => Array.from(container.querySelectorAll('.timeline__item'));

describe('OrderTimeline', () => {
  it('names each move in words, as a wish’s timeline does (issue 13)', () => {
    expect(orderEventLabel({ from: null, to: 'submitted', by: 'u_sun' })).toBe('提交订单');
    expect(orderEventLabel({ from: 'submitted', to: 'assigned', by: 'u_li' }, 'u_zhang')).toBe('派单');
    expect(orderEventLabel({ from: 'submitted', to: 'assigned', by: 'u_zhang' }, 'u_zhang')).toBe('接单');
    expect(orderEventLabel({ from: 'assigned', to: 'submitted', by: 'u_zhang' })).toBe('退回派单');
    expect(orderEventLabel({ from: 'serving', to: 'cancelled', by: 'u_li' })).toBe('取消订单');
  });

  it('shows who did what, when (Asia/Shanghai), the new state and the note, oldest first', () => {
    const { container } = render(<OrderTimeline events={EVENTS} assigneeId="u_zhang" />);
    const rows = items(container).map((el) => el.textContent);
    expect(rows).toEqual([
      '孙丽 · 提交订单待派单2026-11-20 09:00',
      '李红梅 · 派单已派单2026-11-20 09:10派给张建国',
      '张建国 · 开始服务服务中2026-11-20 10:00',
      '张建国 · 完成服务待评价2026-11-20 11:00更换了温控器',
      '孙丽 · 评价服务已评价2026-11-20 11:005星',
    ]);
    expect(container.textContent).not.toContain('→');
  });

  it('marks the latest move', () => {
    const { container } = render(<OrderTimeline events={EVENTS} />);
    const latest = container.querySelectorAll('.timeline__item--latest');
    expect(latest).toHaveLength(1);
    expect(latest[0].textContent).toContain('孙丽 · 评价服务');
  });

  it('keeps a declined order’s reason on its move back to 待派单', () => {
    render(<OrderTimeline events={[EVENTS[0], EVENTS[1], { at: at('09:30'), by: 'u_zhang', byName: '张建国', from: 'assigned', to: 'submitted', note: '退回：临时有事' }]} />);
    expect(screen.getByText('张建国 · 退回派单')).toBeTruthy();
    expect(screen.getByText('退回：临时有事')).toBeTruthy();
  });

  it('says so when there is nothing yet', () => {
    render(<OrderTimeline events={[]} />);
    expect(screen.getByText('暂无记录')).toBeTruthy();
  });
});
