import { render } from '@testing-library/react';
import type { OrderView } from '../../types/orders';
import { OrderInfo, addressText } from '../../src/pages/orders/components/OrderInfo';

const T0 = Date.parse('2026-11-20T09:00:00+08:00');
const ORDER: OrderView = {
  _id: 'o1',
  communityId: 'c_jiariruyuan',
  itemId: 'i_small',
  itemTitle: '小家电维修',
  categoryName: '家电维修',
  categoryKind: 'regular',
  skills: ['家电维修'],
  residentId: 'u_sun',
  residentName: '孙丽',
  phone: '138****0022',
  address: null,
  date: '2026-11-21',
  slot: 'morning',
  note: '电饭煲不加热',
  status: 'completed',
  proxy: false,
  proxyBy: null,
  assigneeId: 'u_zhang',
  assigneeName: '张建国',
  summary: '更换了温控器',
  photos: [],
  rating: null,
  cancelReason: '',
  overdue: false,
  timeline: [],
  createdAt: T0,
  updatedAt: T0,
} as unknown as OrderView;

describe('order address for the member (issue 13 bug 9)', () => {
  it('tells the member who completed the order that the service is over, not 接单后可见', () => {
    const { container } = render(<OrderInfo order={ORDER} view="member" />);
    expect(container.textContent).toContain('服务已完成，地址不再显示');
    expect(container.textContent).not.toContain('接单后可见');
  });

  it('still says 接单后可见 to a member looking at an order not yet theirs, and shows the address when given', () => {
    expect(addressText({ address: null, status: 'submitted' }, 'member')).toBe('接单后可见');
    expect(addressText({ address: '2号楼2单元402', status: 'assigned' }, 'member')).toBe('2号楼2单元402');
  });
});
