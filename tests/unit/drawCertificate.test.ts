/**
 * The weapp certificate is drawn by replaying the layout on a 2d canvas (no WeChat client here):
 * every text, rectangle, line and circle of the layout reaches the context, with its style.
 */
import { certificateLayout } from '../../src/lib/certificateLayout';
import { drawCertificate, type Context2d } from '../../src/packages/member/lib/drawCertificate';
import type { CertificateOutput } from '../../types/hours';

const CERT: CertificateOutput = {
  certificateNo: 'LL2026115ABCDEF',
  memberId: 'u_zhang',
  name: '张建国',
  branch: '假日润园社区第一党支部',
  communityName: '假日润园社区',
  street: '翠屏街道',
  from: '2026-01',
  to: '2026-11',
  periodLabel: '2026年1月至2026年11月',
  hours: 12.5,
  services: [{ title: '小家电维修', reason: 'order_served', times: 5, hours: 10 }, { title: '社区核定调整', reason: 'adjustment', times: 0, hours: 2.5 }],
  issuedAt: Date.parse('2026-11-26T10:00:00+08:00'),
};

const recorder = () => {
  const calls: Array<{ op: string; args: unknown[]; fillStyle: unknown; font: string; textAlign: string }> = [];
  const ctx = { fillStyle: '' as unknown, strokeStyle: '' as unknown, lineWidth: 1, font: '', textAlign: 'left', textBaseline: 'top' } as Context2d;
  for (const op of ['fillRect', 'strokeRect', 'beginPath', 'moveTo', 'lineTo', 'arc', 'stroke', 'fill', 'fillText']) {
    (ctx as unknown as Record<string, unknown>)[op] = (...args: unknown[]) => calls.push({ op, args, fillStyle: ctx.fillStyle, font: ctx.font, textAlign: ctx.textAlign });
  }
  return { ctx, calls };
};

test('replays every command of the layout on the context', () => {
  const layout = certificateLayout(CERT);
  const { ctx, calls } = recorder();
  drawCertificate(ctx, layout);
  const count = (type: string) => layout.commands.filter((c) => c.type === type).length;
  expect(calls.filter((c) => c.op === 'fillText')).toHaveLength(count('text'));
  expect(calls.filter((c) => c.op === 'arc')).toHaveLength(count('circle'));
  expect(calls.filter((c) => c.op === 'moveTo')).toHaveLength(count('line'));
  // The paper first, filling the whole picture.
  expect(calls[0]).toMatchObject({ op: 'fillRect', args: [0, 0, layout.width, layout.height] });

  const texts = calls.filter((c) => c.op === 'fillText');
  const all = texts.map((c) => c.args[0]).join('');
  expect(all).toContain('张建国同志');
  expect(all).toContain('2026年1月至2026年11月');
  expect(all).toContain('12.5小时');
  const title = texts.find((c) => c.args[0] === '志愿服务证明')!;
  expect(title.font).toMatch(/^bold 54px /);
  expect(title.textAlign).toBe('center');
  expect(title.fillStyle).toBe('#C8161D');
  expect(texts.find((c) => c.args[0] === '5次  10小时')!.textAlign).toBe('right');
});
