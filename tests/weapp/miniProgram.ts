/**
 * Runs the real weapp build (dist/weapp) inside miniprogram-simulate. Taro's output registers
 * itself through the mini-program globals `App`, `Page`, `getApp` and `getCurrentPages`; the
 * stand-ins below give it those, turning each `Page()` into the component simulate can render.
 *
 * The only fake on the app's side is `wx.cloud.callFunction`, i.e. the WeChat server: tests
 * answer each cloud call with an envelope.
 */
import path from 'node:path';
import type { Envelope } from '../../types/errors';

const simulate = require('miniprogram-simulate');

export const WEAPP_ROOT = path.resolve(__dirname, '../..', process.env.LINLI_DIST ?? 'dist', 'weapp');

/** How long Taro's batched setData and our async effects need to reach the rendered tree. */
export const SETTLE_MS = 200;

export interface CloudCall {
  name: string;
  data: { action: string; data: unknown; requestId?: string };
}

export type CloudAnswer = (call: CloudCall) => Envelope<unknown> | Promise<Envelope<unknown>>;

/** What simulate's `render` gives back (j-component), as far as these tests use it. */
interface SimComponent {
  dom: HTMLElement;
  attach(parent: HTMLElement): void;
  detach(): void;
  querySelector(selector: string): SimComponent | undefined;
  dispatchEvent(name: string, options?: object): void;
}

type AnyRecord = Record<string, unknown>;
type Lifecycle = (this: AnyRecord, ...args: unknown[]) => unknown;

export interface RenderedPage {
  text(): string;
  /** The rendered tree, for what text alone cannot show (a bar's length in its style). */
  dom(): HTMLElement;
  /** The root element's class list (PageShell's), without simulate's per-component prefix. */
  rootClasses(): string[];
  /** Taps the innermost element showing exactly `text`, as a finger would. */
  tapText(text: string): Promise<void>;
  /** Taps the element with this id (Taro keeps explicit ids, e.g. SegmentTabs' `tab-featured`). */
  tapId(id: string): Promise<void>;
  settle(ms?: number): Promise<void>;
  close(): void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface Navigation {
  api: 'navigateTo' | 'redirectTo' | 'switchTab' | 'reLaunch';
  url: string;
}

export interface MiniProgram {
  calls: CloudCall[];
  navigations: Navigation[];
  answer(fn: CloudAnswer): void;
  /** Values `wx.getStorageSync` returns (simulate's own storage keeps nothing). */
  storage: Map<string, unknown>;
  open(route: string, query?: Record<string, string>): Promise<RenderedPage>;
}

/** Boots the built app once per test file (jest gives each file fresh globals and modules). */
export const bootMiniProgram = (initial: CloudAnswer): MiniProgram => {
  const g = globalThis as unknown as AnyRecord & { wx: AnyRecord };
  const calls: CloudCall[] = [];
  let answer = initial;
  const storage = new Map<string, unknown>();

  g.wx.cloud = {
    init: () => undefined,
    callFunction: async (options: CloudCall) => {
      calls.push(JSON.parse(JSON.stringify({ name: options.name, data: options.data })) as CloudCall);
      return { result: await answer(options), errMsg: 'cloud.callFunction:ok' };
    },
  };
  // Page changes are recorded rather than performed: each test opens the pages it looks at.
  const navigations: Navigation[] = [];
  for (const api of ['navigateTo', 'redirectTo', 'switchTab', 'reLaunch'] as const) {
    g.wx[api] = (options: { url: string; success?: (res: unknown) => void; complete?: (res: unknown) => void }) => {
      navigations.push({ api, url: options.url });
      const res = { errMsg: `${api}:ok` };
      setTimeout(() => {
        options.success?.(res);
        options.complete?.(res);
      }, 0);
    };
  }
  g.wx.getStorageSync = (key: string) => (storage.has(key) ? storage.get(key) : '');
  g.wx.setStorageSync = (key: string, value: unknown) => void storage.set(key, value);
  g.wx.removeStorageSync = (key: string) => void storage.delete(key);

  let app: AnyRecord | undefined;
  const pages: AnyRecord[] = [];
  let nextRoute = '';
  let nextQuery: Record<string, string> = {};

  g.App = (config: AnyRecord) => {
    app = config;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  g.Page = (options: AnyRecord) => {
    const methods: Record<string, Lifecycle> = {};
    const fields: AnyRecord = {};
    for (const [key, value] of Object.entries(options)) {
      if (key === 'data') continue;
      if (typeof value === 'function') methods[key] = value as Lifecycle;
      else fields[key] = value;
    }
    const Component = g.Component as (definition: AnyRecord) => void;
    Component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        created(this: AnyRecord) {
          Object.assign(this, fields);
          this.route = nextRoute;
          pages.push(this);
        },
        attached(this: AnyRecord) {
          (this.onLoad as Lifecycle | undefined)?.call(this, { ...nextQuery });
        },
        ready(this: AnyRecord) {
          (this.onShow as Lifecycle | undefined)?.call(this);
          (this.onReady as Lifecycle | undefined)?.call(this);
        },
        detached(this: AnyRecord) {
          (this.onUnload as Lifecycle | undefined)?.call(this);
          pages.splice(pages.indexOf(this), 1);
        },
      },
    });
  };

  require(path.join(WEAPP_ROOT, 'app.js'));
  if (!app) throw new Error('dist/weapp/app.js did not call App(): is the build complete?');
  const launch = { path: 'pages/index/index', query: {}, scene: 1001 };
  (app.onLaunch as Lifecycle).call(app, launch);
  (app.onShow as Lifecycle).call(app, launch);

  const loaded = new Map<string, string>();

  return {
    calls,
    navigations,
    storage,
    answer(fn) {
      answer = fn;
    },
    async open(route, query = {}) {
      nextRoute = route;
      nextQuery = query;
      // A page's chunk registers its Page() once; later renders reuse that definition.
      let id = loaded.get(route);
      if (!id) {
        id = simulate.load(path.join(WEAPP_ROOT, route), { compiler: 'official', rootPath: WEAPP_ROOT }) as string;
        loaded.set(route, id);
      }
      const page = simulate.render(id) as SimComponent;
      const parent = document.createElement('div');
      document.body.appendChild(parent);
      page.attach(parent);

      /** At least `ms`, then until the rendered text holds still (a busy machine renders late), 2 s at most. */
      const settle = async (ms = SETTLE_MS) => {
        await sleep(ms);
        let before = page.dom.textContent;
        for (let waited = 0; waited < 2000; waited += 100) {
          await sleep(100);
          const now = page.dom.textContent;
          if (now === before && now) return;
          before = now;
        }
      };
      const tapSid = async (sid: string) => {
        const target = page.querySelector(`#${sid}`);
        if (!target) throw new Error(`no element #${sid} on ${route}`);
        target.dispatchEvent('tap');
        await settle();
      };

      await settle();
      return {
        text: () => page.dom.textContent ?? '',
        dom: () => page.dom,
        rootClasses: () => {
          const root = page.dom.querySelector('[data-sid]');
          return (root?.getAttribute('class') ?? '').split(/\s+/).filter(Boolean).map((c) => c.replace(/^main--/, ''));
        },
        async tapText(text) {
          const matches = Array.from(page.dom.querySelectorAll<HTMLElement>('[data-sid]')).filter(
            (el) => el.textContent?.trim() === text,
          );
          // The innermost match: the element the finger lands on; the tap bubbles from there.
          const innermost = matches.find((el) => !matches.some((other) => other !== el && el.contains(other)));
          if (!innermost) throw new Error(`no element with text “${text}” on ${route}. Page text: ${page.dom.textContent}`);
          await tapSid(innermost.getAttribute('data-sid') as string);
        },
        tapId: tapSid,
        settle,
        close() {
          page.detach();
          parent.remove();
        },
      };
    },
  };
};
