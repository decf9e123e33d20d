import type { Page } from 'playwright-core';

/**
 * 适老化 and contrast, measured in the page from getComputedStyle: every visible text's size and
 * contrast against what is behind it, and (in 长辈模式) every touch target's size. The rules are
 * PRODUCT.md's: text ≥ 20 px and targets ≥ 60 × 60 px in 长辈模式; contrast ≥ 4.5 : 1 everywhere
 * (3 : 1 for text of 18 px and more). Disabled controls are exempt, as WCAG has it.
 */
export interface AuditProblem {
  kind: 'font' | 'contrast' | 'target';
  what: string;
  detail: string;
}

/** What a finger can tap; in 长辈模式 each must be at least 60 × 60 px. */
export const TARGETS = [
  'taro-button-core',
  '.nut-cell--clickable',
  '.chip',
  '.kind-switch__tab',
  '.entry',
  '.month-switch__arrow',
  '.elder-tabbar__item',
  '.link-text',
  'taro-switch-core',
  '.taro-navigation-bar-back',
  '.taro-navigation-bar-home',
  '.rating-stars__star[id]',
  '.photo-picker__add',
  '.photo-grid__add',
  '.attendee__remove',
  '.profile-header__edit',
  'input',
  'textarea',
].join(',');

export const auditPage = (page: Page, elderly: boolean): Promise<AuditProblem[]> =>
  page.evaluate(
    ({ elderly, targets }) => {
      type RGBA = [number, number, number, number];
      const problems: Array<{ kind: 'font' | 'contrast' | 'target'; what: string; detail: string }> = [];
      const parse = (c: string): RGBA => {
        const m = c.match(/rgba?\(([^)]+)\)/);
        if (!m) return [0, 0, 0, 0];
        const p = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
        return [p[0], p[1], p[2], p.length > 3 ? p[3] : 1];
      };
      const over = (top: RGBA, under: RGBA): RGBA => {
        const a = top[3] + under[3] * (1 - top[3]);
        if (a === 0) return [255, 255, 255, 0];
        const mix = (i: number) => (top[i] * top[3] + under[i] * under[3] * (1 - top[3])) / a;
        return [mix(0), mix(1), mix(2), a];
      };
      const luminance = ([r, g, b]: RGBA) => {
        const ch = (v: number) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        };
        return 0.2126 * ch(r) + 0.7152 * ch(g) + 0.0722 * ch(b);
      };
      /** The colour behind an element: its own and its ancestors' backgrounds, composed. */
      const backgroundOf = (el: Element): RGBA => {
        const layers: RGBA[] = [];
        for (let node: Element | null = el; node; node = node.parentElement) {
          const style = getComputedStyle(node);
          // A gradient (NutUI's primary button) counts by its first colour.
          const gradient = style.backgroundImage.includes('gradient') ? style.backgroundImage.match(/rgba?\([^)]+\)/) : null;
          const bg = gradient ? parse(gradient[0]) : parse(style.backgroundColor);
          if (bg[3] > 0) layers.push(bg);
          if (bg[3] >= 1) break;
        }
        return layers.reduceRight<RGBA>((under, top) => over(top, under), [255, 255, 255, 1]);
      };
      const describe = (el: Element) => {
        const cls = (el.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).slice(0, 2).join('.');
        const text = (el.textContent ?? '').trim().replace(/\s+/g, ' ').slice(0, 24);
        return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} “${text}”`;
      };
      const shown = (el: Element) => {
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && (el as HTMLElement).checkVisibility?.({ checkOpacity: true, checkVisibilityCSS: true }) !== false;
      };
      const disabled = (el: Element) => !!el.closest('[disabled], .nut-button--disabled, .month-switch__arrow--disabled, [aria-disabled="true"]');

      for (const el of Array.from(document.querySelectorAll('body *'))) {
        if (['SCRIPT', 'STYLE', 'svg', 'SVG'].includes(el.tagName)) continue;
        const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
        if (!ownText || !shown(el) || disabled(el)) continue;
        const cs = getComputedStyle(el);
        const size = parseFloat(cs.fontSize);
        if (elderly && size < 19.5) problems.push({ kind: 'font', what: describe(el), detail: `${size.toFixed(1)} px` });
        const fg = parse(cs.color);
        const bg = backgroundOf(el);
        const text = over([fg[0], fg[1], fg[2], fg[3] * Number(cs.opacity || 1)], bg);
        const l1 = luminance(text);
        const l2 = luminance(bg);
        const ratio = (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
        const needed = size >= 18 ? 3 : 4.5;
        if (ratio < needed) problems.push({ kind: 'contrast', what: describe(el), detail: `${ratio.toFixed(2)} : 1 (needs ${needed}) ${cs.color} on rgb(${bg.slice(0, 3).map(Math.round).join(',')})` });
      }
      if (elderly) {
        for (const el of Array.from(document.querySelectorAll(targets))) {
          if (!shown(el) || disabled(el)) continue;
          const r = el.getBoundingClientRect();
          if (r.width < 59.5 || r.height < 59.5) problems.push({ kind: 'target', what: describe(el), detail: `${r.width.toFixed(0)} × ${r.height.toFixed(0)} px` });
        }
      }
      return problems;
    },
    { elderly, targets: TARGETS },
  );

/** One line per problem, for a readable failure. */
export const formatProblems = (problems: AuditProblem[]): string[] => problems.map((p) => `${p.kind}: ${p.what} — ${p.detail}`);
