import { render, screen } from '@testing-library/react';
import type { OrderEvent } from '../../types/orders';
import { OrderTimeline, moveText } from '../../src/pages/orders/components/OrderTimeline';

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
  it('names each move by its Chinese states', () => {
    expect(moveText({ from: null, to: 'submitted' })).toBe('提交订单 → 待派单');
    expect(moveText({ from: 'assigned', to: 'submitted' })).toBe('已派单 → 待派单');
    expect(moveText({ from: 'serving', to: 'cancelled' })).toBe('服务中 → 已取消');
  });

  it('shows who, when (Asia/Shanghai), from → to and the note, newest first', () => {
    const { container } = render(<OrderTimeline events={EVENTS} />);
    const rows = items(container).map((el) => el.textContent);
    expect(rows).toEqual([
      '待评价 → 已评价孙丽 · 2026-11-20 11:005星',
      '服务中 → 待评价张建国 · 2026-11-20 11:00更换了温控器',
      '已派单 → 服务中张建国 · 2026-11-20 10:00',
      '待派单 → 已派单李红梅 · 2026-11-20 09:10派给张建国',
      '提交订单 → 待派单孙丽 · 2026-11-20 09:00',
    ]);
  });

  it('marks the latest move', () => {
    const { container } = render(<OrderTimeline events={EVENTS} />);
    const latest = container.querySelectorAll('.timeline__item--latest');
    expect(latest).toHaveLength(1);
    expect(latest[0].textContent).toContain('待评价 → 已评价');
  });

  it('keeps a declined order’s reason on its move back to 待派单', () => {
    render(<OrderTimeline events={[EVENTS[0], EVENTS[1], { at: at('09:30'), by: 'u_zhang', byName: '张建国', from: 'assigned', to: 'submitted', note: '退回：临时有事' }]} />);
    expect(screen.getByText('已派单 → 待派单')).toBeTruthy();
    expect(screen.getByText('退回：临时有事')).toBeTruthy();
  });

  it('says so when there is nothing yet', () => {
    render(<OrderTimeline events={[]} />);
    expect(screen.getByText('暂无记录')).toBeTruthy();
  });
});
