import { mergeStreams, type OrderRow, type OrderStream } from '../../src/pages/orders/components/orderPages';

const row = (id: string, createdAt: number, status: OrderRow['status'] = 'assigned'): OrderRow => ({
  _id: id,
  itemTitle: id,
  categoryName: '家电维修',
  status,
  date: '2026-11-21',
  slot: 'morning',
  residentName: '孙丽',
  phone: '138****0022',
  assigneeName: null,
  overdue: false,
  proxy: false,
  stars: null,
  createdAt,
});

describe('mergeStreams (a tab over several statuses)', () => {
  it('merges finished streams newest first', () => {
    const streams: OrderStream[] = [
      { status: 'assigned', rows: [row('a', 50), row('b', 10)], cursor: null },
      { status: 'serving', rows: [row('c', 40, 'serving')], cursor: null },
    ];
    expect(mergeStreams(streams).map((r) => r._id)).toEqual(['a', 'c', 'b']);
  });

  it('holds back rows older than an unfinished stream’s last row, so a later page fills no gap', () => {
    const streams: OrderStream[] = [
      { status: 'completed', rows: [row('c1', 100), row('c2', 80)], cursor: 'next' },
      { status: 'rated', rows: [row('r1', 90), row('r2', 20)], cursor: null },
    ];
    expect(mergeStreams(streams).map((r) => r._id)).toEqual(['c1', 'r1', 'c2']);

    const next: OrderStream[] = [{ ...streams[0], rows: [...streams[0].rows, row('c3', 30)], cursor: null }, streams[1]];
    expect(mergeStreams(next).map((r) => r._id)).toEqual(['c1', 'r1', 'c2', 'c3', 'r2']);
  });
});
