/**
 * The 志愿服务证明 as drawing commands: a pure layout from the certificate's data (points.
 * hoursCertificate) to rectangles, lines, circles and text on a 750-wide canvas. The weapp page
 * replays the commands on a 2d canvas and saves the picture (canvasToTempFilePath); h5 can show
 * `certificateSvg` directly. Nothing here touches Taro, so it is tested in node.
 */
import type { CertificateOutput } from '../../types/hours';

export type TextAlign = 'left' | 'center' | 'right';

export type DrawCommand =
  | { type: 'rect'; x: number; y: number; width: number; height: number; fill?: string; stroke?: string; lineWidth?: number }
  | { type: 'line'; x: number; y: number; x2: number; y2: number; stroke: string; lineWidth: number }
  | { type: 'circle'; x: number; y: number; r: number; stroke: string; lineWidth: number; fill?: string }
  /** `y` is the text's baseline; `size` in canvas px; Chinese glyphs are about `size` wide. */
  | { type: 'text'; x: number; y: number; text: string; size: number; color: string; align: TextAlign; bold?: boolean };

export type CertificateLayout = { width: number; height: number; commands: DrawCommand[] };

export const CERT_RED = '#C8161D';
const INK = '#333333';
const GREY = '#666666';
const PAPER = '#FFFDF7';

/** How wide a text is drawn, roughly: CJK and full-width characters are `size`, the rest half. */
export const textWidth = (text: string, size: number): number =>
  [...text].reduce((w, ch) => w + (/[\u0000-\u00ff]/.test(ch) ? size * 0.55 : size), 0);

/** Breaks a text into lines no wider than `width`. */
export const wrapText = (text: string, size: number, width: number): string[] => {
  const lines: string[] = [];
  let line = '';
  for (const ch of text) {
    if (line && textWidth(line + ch, size) > width) {
      lines.push(line);
      line = '';
    }
    line += ch;
  }
  if (line) lines.push(line);
  return lines;
};

/** 2026年11月30日, in Asia/Shanghai. */
export const chineseDate = (at: number): string => {
  const d = new Date(at + 8 * 3600_000);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
};

const MAX_SERVICES = 8;

export const certificateLayout = (cert: CertificateOutput, width = 750): CertificateLayout => {
  const margin = 70;
  const inner = width - margin * 2;
  const commands: DrawCommand[] = [];
  const text = (t: string, x: number, y: number, size: number, align: TextAlign = 'left', color = INK, bold = false) =>
    commands.push({ type: 'text', x, y, text: t, size, color, align, ...(bold ? { bold } : {}) });

  let y = 90;
  text(`编号：${cert.certificateNo}`, width - margin, y, 20, 'right', GREY);
  y += 90;
  text('志愿服务证明', width / 2, y, 54, 'center', CERT_RED, true);
  y += 40;
  commands.push({ type: 'line', x: width / 2 - 150, y, x2: width / 2 + 150, y2: y, stroke: CERT_RED, lineWidth: 3 });

  y += 80;
  const who = cert.branch ? `${cert.name}同志（${cert.branch}）` : `${cert.name}同志`;
  const body = `兹证明${who}于${cert.periodLabel}在${cert.street}${cert.communityName}参加志愿服务，累计服务时长${cert.hours}小时。`;
  for (const line of wrapText(`　　${body}`, 32, inner)) {
    text(line, margin, y, 32);
    y += 56;
  }

  y += 20;
  text('服务内容', margin, y, 28, 'left', CERT_RED, true);
  y += 16;
  commands.push({ type: 'line', x: margin, y, x2: width - margin, y2: y, stroke: '#E8C9C9', lineWidth: 1 });
  const shown = cert.services.slice(0, MAX_SERVICES);
  for (const s of shown) {
    y += 48;
    text(s.title, margin, y, 26);
    text(s.times > 0 ? `${s.times}次  ${s.hours}小时` : `${s.hours}小时`, width - margin, y, 26, 'right', GREY);
  }
  if (cert.services.length > MAX_SERVICES) {
    y += 44;
    text(`等共${cert.services.length}项服务`, margin, y, 24, 'left', GREY);
  }
  if (shown.length === 0) {
    y += 48;
    text('本期暂无服务记录', margin, y, 26, 'left', GREY);
  }

  // The issuer and the date, the community's seal beside them.
  y += 110;
  const issuerWidth = Math.max(textWidth(cert.communityName, 28), textWidth(chineseDate(cert.issuedAt), 26));
  const sealX = width - margin - issuerWidth - 90;
  text(cert.communityName, width - margin, y, 28, 'right');
  text(chineseDate(cert.issuedAt), width - margin, y + 50, 26, 'right');
  commands.push({ type: 'circle', x: sealX, y: y + 15, r: 70, stroke: CERT_RED, lineWidth: 5 });
  text('★', sealX, y + 30, 44, 'center', CERT_RED);
  text(cert.communityName, sealX, y + 62, 16, 'center', CERT_RED, true);

  y += 150;
  text('本证明由“邻里服务”依据服务记录生成，可凭编号向社区核验。', width / 2, y, 20, 'center', GREY);
  const height = y + 60;

  // Paper and a double red border under everything.
  const frame: DrawCommand[] = [
    { type: 'rect', x: 0, y: 0, width, height, fill: PAPER },
    { type: 'rect', x: 20, y: 20, width: width - 40, height: height - 40, stroke: CERT_RED, lineWidth: 6 },
    { type: 'rect', x: 34, y: 34, width: width - 68, height: height - 68, stroke: CERT_RED, lineWidth: 2 },
  ];
  return { width, height, commands: [...frame, ...commands] };
};

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The layout as an SVG document (h5 shows it as an image; tests read it). */
export const certificateSvg = (layout: CertificateLayout): string => {
  const anchor = { left: 'start', center: 'middle', right: 'end' } as const;
  const parts = layout.commands.map((c) => {
    switch (c.type) {
      case 'rect':
        return `<rect x="${c.x}" y="${c.y}" width="${c.width}" height="${c.height}" fill="${c.fill ?? 'none'}"${c.stroke ? ` stroke="${c.stroke}" stroke-width="${c.lineWidth ?? 1}"` : ''}/>`;
      case 'line':
        return `<line x1="${c.x}" y1="${c.y}" x2="${c.x2}" y2="${c.y2}" stroke="${c.stroke}" stroke-width="${c.lineWidth}"/>`;
      case 'circle':
        return `<circle cx="${c.x}" cy="${c.y}" r="${c.r}" fill="${c.fill ?? 'none'}" stroke="${c.stroke}" stroke-width="${c.lineWidth}"/>`;
      case 'text':
        return `<text x="${c.x}" y="${c.y}" font-size="${c.size}" fill="${c.color}" text-anchor="${anchor[c.align]}"${c.bold ? ' font-weight="bold"' : ''}>${escape(c.text)}</text>`;
    }
  });
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${layout.width}" height="${layout.height}" viewBox="0 0 ${layout.width} ${layout.height}" font-family="'Noto Sans CJK SC','PingFang SC',sans-serif">${parts.join('')}</svg>`;
};
