import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import { MAX_BOOKING_DAYS, OrderFields, type Slot } from '../../../../types/orders';
import { fieldErrorsOf, type FieldErrors } from '../../../lib/fieldErrors';

dayjs.extend(utc);

/** What the inputs hold; empty strings until chosen. */
export interface OrderForm {
  date: string;
  slot: Slot | '';
  address: string;
  phone: string;
  note: string;
}

export interface OrderPrefill {
  address: string;
  phone: string;
}

export const emptyOrderForm = (prefill: OrderPrefill): OrderForm => ({ date: '', slot: '', address: prefill.address, phone: prefill.phone, note: '' });

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];
const NEAR_DAYS = ['今天', '明天', '后天'];

export interface BookingDate {
  value: string;
  label: string;
}

/**
 * The days a resident may book, today to today + 30 in Asia/Shanghai (a fixed +08:00; never
 * dayjs.tz, which is wrong on Android WeChat).
 */
export const bookingDates = (now: number = Date.now()): BookingDate[] => {
  const today = dayjs(now).utcOffset(480).startOf('day');
  return Array.from({ length: MAX_BOOKING_DAYS + 1 }, (_, i) => {
    const day = today.add(i, 'day');
    const md = day.format('M月D日');
    return { value: day.format('YYYY-MM-DD'), label: i < NEAR_DAYS.length ? `${NEAR_DAYS[i]} ${md}` : `${md} ${WEEKDAYS[day.day()]}` };
  });
};

/** The server's own words when a date falls outside the window. */
export const DATE_RANGE_MESSAGE = `请选择今天起${MAX_BOOKING_DAYS}天内的日期`;

export type OrderFieldsData = ReturnType<typeof OrderFields.parse>;

/**
 * The same schema the server checks (OrderFields, so the same Chinese messages), plus the server's
 * booking window; an unchosen slot reads as a choice to make.
 */
export const validateOrderForm = (
  itemId: string,
  form: OrderForm,
  now: number = Date.now(),
): { data: OrderFieldsData | null; errors: FieldErrors } => {
  const result = OrderFields.safeParse({
    itemId,
    date: form.date === '' ? undefined : form.date,
    slot: form.slot === '' ? undefined : form.slot,
    address: form.address,
    phone: form.phone,
    note: form.note.trim() === '' ? undefined : form.note,
  });
  const errors = result.success ? {} : fieldErrorsOf(result.error.issues);
  if (errors.slot && form.slot === '') errors.slot = '请选择时段';
  if (!errors.date && form.date !== '') {
    const dates = bookingDates(now);
    if (form.date < dates[0].value || form.date > dates[dates.length - 1].value) errors.date = DATE_RANGE_MESSAGE;
  }
  if (!result.success || Object.keys(errors).length > 0) return { data: null, errors };
  return { data: result.data, errors: {} };
};
