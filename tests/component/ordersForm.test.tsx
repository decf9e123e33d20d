import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import { resetTaroMock } from './mocks/taro';
import type { OrderView } from '../../types/orders';
import { ApiCallError, call } from '../../src/services';
import { OrderForm } from '../../src/pages/orders/components/OrderForm';
import { bookingDates } from '../../src/pages/orders/components/orderForm';

jest.mock('../../src/services', () => ({
  ...jest.requireActual('../../src/services'),
  call: jest.fn(),
}));

const mockedCall = call as jest.MockedFunction<typeof call>;

const ITEM = { _id: 'i_small', title: '小家电维修' };
const PREFILL = { address: '2号楼2单元402', phone: '13800000022' };
const CREATED = { _id: 'o_1', status: 'submitted' } as OrderView;

const type = (placeholder: string, value: string) => fireEvent.change(screen.getByPlaceholderText(placeholder), { target: { value } });
const submit = async () => {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name: '确认点单' }));
  });
};
const createCalls = () => mockedCall.mock.calls.filter(([fn, action]) => fn === 'orders' && action === 'createOrder');

beforeEach(() => {
  resetTaroMock();
  mockedCall.mockReset();
});

describe('order form (点菜)', () => {
  it('prefills address and phone from the profile', () => {
    render(<OrderForm item={ITEM} prefill={PREFILL} onCreated={jest.fn()} />);
    expect((screen.getByPlaceholderText('如：2号楼2单元402') as HTMLInputElement).value).toBe('2号楼2单元402');
    expect((screen.getByPlaceholderText('请输入11位手机号') as HTMLInputElement).value).toBe('13800000022');
  });

  it('shows the server’s Chinese message under each bad field and sends nothing', async () => {
    render(<OrderForm item={ITEM} prefill={PREFILL} onCreated={jest.fn()} />);
    type('如：2号楼2单元402', '   ');
    type('请输入11位手机号', '1380000');
    type('如：电饭煲不加热（选填）', '修'.repeat(201));

    await submit();

    expect(screen.getByText('请选择预约日期')).toBeTruthy();
    expect(screen.getByText('请选择时段')).toBeTruthy();
    expect(screen.getByText('请填写服务地址')).toBeTruthy();
    expect(screen.getByText('请填写11位手机号')).toBeTruthy();
    expect(screen.getByText('备注不超过200个字')).toBeTruthy();
    expect(createCalls()).toHaveLength(0);
  });

  it('offers today to today + 30 days, a week at first', () => {
    const dates = bookingDates();
    expect(dates).toHaveLength(31);
    expect(dates[0].label).toMatch(/^今天 /);
    render(<OrderForm item={ITEM} prefill={PREFILL} onCreated={jest.fn()} />);
    expect(screen.queryByText(dates[7].label)).toBeNull();
    fireEvent.click(screen.getByText('更多日期'));
    expect(screen.getByText(dates[30].label)).toBeTruthy();
  });

  it('sends the parsed form with a request id and hands back the order', async () => {
    mockedCall.mockResolvedValue(CREATED);
    const onCreated = jest.fn();
    const tomorrow = bookingDates()[1];
    render(<OrderForm item={ITEM} prefill={PREFILL} onCreated={onCreated} />);
    fireEvent.click(screen.getByText(tomorrow.label));
    fireEvent.click(screen.getByText('下午'));
    type('如：电饭煲不加热（选填）', '  电饭煲不加热 ');

    await submit();

    expect(createCalls()).toEqual([
      [
        'orders',
        'createOrder',
        { itemId: 'i_small', date: tomorrow.value, slot: 'afternoon', address: '2号楼2单元402', phone: '13800000022', note: '电饭煲不加热' },
        { requestId: expect.stringMatching(/^[a-z0-9]+-[a-z0-9]{12}$/) },
      ],
    ]);
    await waitFor(() => expect(onCreated).toHaveBeenCalledWith(CREATED));
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '点单成功', icon: 'success' });
  });

  it('reuses the same request id when the user retries after a lost answer, so it orders once', async () => {
    mockedCall.mockRejectedValueOnce(new ApiCallError({ code: 'INTERNAL', message: '网络异常，请检查网络后重试' })).mockResolvedValueOnce(CREATED);
    const onCreated = jest.fn();
    render(<OrderForm item={ITEM} prefill={PREFILL} onCreated={onCreated} />);
    fireEvent.click(screen.getByText(bookingDates()[0].label));
    fireEvent.click(screen.getByText('上午'));

    await submit();
    expect(Taro.showToast).toHaveBeenCalledWith({ title: '网络异常，请检查网络后重试', icon: 'none' });
    expect(onCreated).not.toHaveBeenCalled();
    await submit();

    const calls = createCalls();
    expect(calls).toHaveLength(2);
    expect(calls[0][3]).toEqual(calls[1][3]);
    expect(calls[0][3]?.requestId).toEqual(expect.any(String));
    await waitFor(() => expect(onCreated).toHaveBeenCalledTimes(1));
  });

  it('sends one request for a double tap', async () => {
    let resolve: (order: OrderView) => void = () => undefined;
    mockedCall.mockImplementation((() => new Promise<OrderView>((r) => (resolve = r))) as unknown as typeof call);
    render(<OrderForm item={ITEM} prefill={PREFILL} onCreated={jest.fn()} />);
    fireEvent.click(screen.getByText(bookingDates()[0].label));
    fireEvent.click(screen.getByText('晚上'));

    const button = screen.getByRole('button', { name: '确认点单' });
    fireEvent.click(button);
    fireEvent.click(button);
    await act(async () => resolve(CREATED));

    expect(createCalls()).toHaveLength(1);
  });

  it('uses a fresh request id for a new form', async () => {
    mockedCall.mockResolvedValue(CREATED);
    const fill = async () => {
      fireEvent.click(screen.getByText(bookingDates()[0].label));
      fireEvent.click(screen.getByText('上午'));
      await submit();
    };
    const first = render(<OrderForm item={ITEM} prefill={PREFILL} onCreated={jest.fn()} />);
    await fill();
    first.unmount();
    render(<OrderForm item={ITEM} prefill={PREFILL} onCreated={jest.fn()} />);
    await fill();
    const [a, b] = createCalls();
    expect(a[3]?.requestId).not.toEqual(b[3]?.requestId);
  });

  it('shows the open-order limit and the server’s per-field messages', async () => {
    mockedCall
      .mockRejectedValueOnce(new ApiCallError({ code: 'LIMIT', message: '您已有3个进行中的订单，完成或取消后再下单' }))
      .mockRejectedValueOnce(new ApiCallError({ code: 'VALIDATION', message: '请选择今天起30天内的日期', fields: { date: '请选择今天起30天内的日期' } }));
    render(<OrderForm item={ITEM} prefill={PREFILL} onCreated={jest.fn()} />);
    fireEvent.click(screen.getByText(bookingDates()[0].label));
    fireEvent.click(screen.getByText('上午'));

    await submit();
    expect(screen.getByText('您已有3个进行中的订单，完成或取消后再下单')).toBeTruthy();

    await submit();
    expect(screen.getByText('请选择今天起30天内的日期')).toBeTruthy();
    expect(screen.queryByText('您已有3个进行中的订单，完成或取消后再下单')).toBeNull();
  });

  it('orders on a resident’s behalf (代点单) with onBehalfOf', async () => {
    mockedCall.mockResolvedValue(CREATED);
    render(<OrderForm item={ITEM} prefill={{ address: '1号楼1单元101', phone: '13800000021' }} onBehalfOf={{ id: 'u_zhao', name: '赵秀兰' }} onCreated={jest.fn()} />);
    expect(screen.getByText(/为 赵秀兰 代点单/)).toBeTruthy();
    fireEvent.click(screen.getByText(bookingDates()[2].label));
    fireEvent.click(screen.getByText('上午'));

    await submit();

    expect(createCalls()[0][2]).toEqual({
      itemId: 'i_small',
      date: bookingDates()[2].value,
      slot: 'morning',
      address: '1号楼1单元101',
      phone: '13800000021',
      onBehalfOf: 'u_zhao',
    });
  });
});

describe('order form and the monthly quota (issue 13 bug 7)', () => {
  beforeEach(() => {
    resetTaroMock();
    (call as jest.Mock).mockReset?.();
  });

  it('shows the places left this month before the form is filled', () => {
    render(<OrderForm item={{ ...ITEM, monthlyQuota: 30, quotaLeft: 4 }} prefill={PREFILL} onCreated={jest.fn()} />);
    expect(screen.getByText('本月剩余 4 个名额')).toBeTruthy();
    expect((screen.getByRole('button', { name: '确认点单' }) as HTMLButtonElement).disabled).toBe(false);
  });

  it('says the quota is used up at once and offers no submit', () => {
    render(<OrderForm item={{ ...ITEM, monthlyQuota: 30, quotaLeft: 0 }} prefill={PREFILL} onCreated={jest.fn()} />);
    expect(screen.getAllByText('本月名额已用完').length).toBeGreaterThan(0);
    expect(screen.getByText(/下月1日起可以再预约/)).toBeTruthy();
    expect(screen.queryByRole('button', { name: '确认点单' })).toBeNull();
    const button = screen.getByRole('button', { name: '本月名额已用完' }) as HTMLButtonElement;
    expect(button.disabled).toBe(true);
  });
});
