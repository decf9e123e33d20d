/**
 * Replays the 志愿服务证明's drawing commands (src/lib/certificateLayout.ts) on a 2d context. The
 * weapp `Canvas type="2d"` node and the browser's canvas share this API, so one routine draws both.
 */
import type { CertificateLayout } from '../../../lib/certificateLayout';

/** The part of CanvasRenderingContext2D the certificate uses (weapp's 2d context has all of it). */
export interface Context2d {
  fillStyle: unknown;
  strokeStyle: unknown;
  lineWidth: number;
  font: string;
  textAlign: string;
  textBaseline: string;
  fillRect(x: number, y: number, w: number, h: number): void;
  strokeRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  stroke(): void;
  fill(): void;
  fillText(text: string, x: number, y: number): void;
}

const FONT = "'PingFang SC','Noto Sans CJK SC','Microsoft YaHei',sans-serif";

export const drawCertificate = (ctx: Context2d, layout: CertificateLayout): void => {
  ctx.textBaseline = 'alphabetic';
  for (const c of layout.commands) {
    if (c.type === 'rect') {
      if (c.fill) {
        ctx.fillStyle = c.fill;
        ctx.fillRect(c.x, c.y, c.width, c.height);
      }
      if (c.stroke) {
        ctx.strokeStyle = c.stroke;
        ctx.lineWidth = c.lineWidth ?? 1;
        ctx.strokeRect(c.x, c.y, c.width, c.height);
      }
    } else if (c.type === 'line') {
      ctx.strokeStyle = c.stroke;
      ctx.lineWidth = c.lineWidth;
      ctx.beginPath();
      ctx.moveTo(c.x, c.y);
      ctx.lineTo(c.x2, c.y2);
      ctx.stroke();
    } else if (c.type === 'circle') {
      ctx.beginPath();
      ctx.arc(c.x, c.y, c.r, 0, Math.PI * 2);
      if (c.fill) {
        ctx.fillStyle = c.fill;
        ctx.fill();
      }
      ctx.strokeStyle = c.stroke;
      ctx.lineWidth = c.lineWidth;
      ctx.stroke();
    } else {
      ctx.font = `${c.bold ? 'bold ' : ''}${c.size}px ${FONT}`;
      ctx.textAlign = c.align;
      ctx.fillStyle = c.color;
      ctx.fillText(c.text, c.x, c.y);
    }
  }
};
