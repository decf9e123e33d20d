/**
 * The subscribe message templates, per event, in one place. A template is chosen in the WeChat
 * console (公众平台 → 订阅消息 → 选用) and has its own id and field keys (thing1, time2 …); a deploy
 * names them in LINLI_SUBSCRIBE_TEMPLATES (JSON, merged per event over these defaults). Until an
 * event has a template id it is not offered to users and nothing is sent for it.
 *
 * Each event's domain code supplies named params (service, member, time …); `fields` maps the
 * template's keys to a type (which fixes how the value is cut, subscribeFields.ts) and a param.
 */
import { SUBSCRIBE_EVENTS, SUBSCRIBE_MOMENTS, type SubscribeEvent, type SubscribeMoment } from '../../../types/subscribe';
import { z } from '../../../types/zod';
import type { MiniprogramState } from '../ports';
import { FIELD_TYPES, type FieldType } from './subscribeFields';

export type FieldSpec = { type: FieldType; param: string };

export interface TemplateSpec {
  /** Empty: the event has no template in this deployment. */
  templateId: string;
  /** The page the message opens, without a leading slash; `{refId}` is the record it is about. */
  page: string;
  fields: Record<string, FieldSpec>;
}

export interface SubscribeConfig {
  templates: Record<SubscribeEvent, TemplateSpec>;
  /** Which version of the mini-program a message opens: formal in production. */
  miniprogramState: MiniprogramState;
}

const f = (type: FieldType, param: string): FieldSpec => ({ type, param });

/** The params each event's notice carries (messages/notify.ts `EventNotice.params`). */
export const EVENT_PARAMS: Record<SubscribeEvent, readonly string[]> = {
  order_assigned: ['service', 'schedule', 'how', 'tip'],
  order_accepted: ['service', 'member', 'schedule', 'status'],
  order_completed: ['service', 'member', 'time', 'tip'],
  wish_claimed: ['title', 'claimer', 'time', 'status'],
  wish_fulfilled: ['title', 'claimer', 'time', 'tip'],
  activity_promoted: ['activity', 'start', 'place', 'status'],
  activity_reminder: ['activity', 'start', 'place', 'tip'],
  activity_menu_published: ['menu', 'count', 'tip'],
};

/** Keys and types as public-library templates of this kind have them; a deploy overrides both. */
export const DEFAULT_TEMPLATES: Record<SubscribeEvent, TemplateSpec> = {
  order_assigned: {
    templateId: '',
    page: 'packages/orders-member/pages/task/index?id={refId}',
    fields: { thing1: f('thing', 'service'), thing2: f('thing', 'schedule'), phrase3: f('phrase', 'how'), thing4: f('thing', 'tip') },
  },
  order_accepted: {
    templateId: '',
    page: 'packages/resident-orders/pages/detail/index?id={refId}',
    fields: { thing1: f('thing', 'service'), name2: f('name', 'member'), thing3: f('thing', 'schedule'), phrase4: f('phrase', 'status') },
  },
  order_completed: {
    templateId: '',
    page: 'packages/resident-orders/pages/detail/index?id={refId}',
    fields: { thing1: f('thing', 'service'), name2: f('name', 'member'), time3: f('time', 'time'), thing4: f('thing', 'tip') },
  },
  wish_claimed: {
    templateId: '',
    page: 'packages/resident-wishes/pages/detail/index?id={refId}',
    fields: { thing1: f('thing', 'title'), name2: f('name', 'claimer'), time3: f('time', 'time'), phrase4: f('phrase', 'status') },
  },
  wish_fulfilled: {
    templateId: '',
    page: 'packages/resident-wishes/pages/detail/index?id={refId}',
    fields: { thing1: f('thing', 'title'), name2: f('name', 'claimer'), time3: f('time', 'time'), thing4: f('thing', 'tip') },
  },
  activity_promoted: {
    templateId: '',
    page: 'packages/resident-activities/pages/detail/index?id={refId}',
    fields: { thing1: f('thing', 'activity'), time2: f('time', 'start'), thing3: f('thing', 'place'), phrase4: f('phrase', 'status') },
  },
  activity_reminder: {
    templateId: '',
    page: 'packages/resident-activities/pages/detail/index?id={refId}',
    fields: { thing1: f('thing', 'activity'), time2: f('time', 'start'), thing3: f('thing', 'place'), thing4: f('thing', 'tip') },
  },
  activity_menu_published: {
    templateId: '',
    page: 'pages/activities/index',
    fields: { thing1: f('thing', 'menu'), number2: f('number', 'count'), thing3: f('thing', 'tip') },
  },
};

const Field = z.object({ type: z.enum(FIELD_TYPES), param: z.string().check(z.minLength(1)) });
const Override = z.object({
  templateId: z.optional(z.string().check(z.maxLength(64))),
  page: z.optional(z.string().check(z.maxLength(256))),
  fields: z.optional(z.record(z.string().check(z.regex(/^[a-z_]+\d+$/, '字段名应如 thing1')), Field)),
});
const Overrides = z.object({
  templates: z.optional(z.record(z.string(), Override)),
  miniprogramState: z.optional(z.enum(['developer', 'trial', 'formal'])),
});
export type SubscribeOverrides = z.infer<typeof Overrides>;

/**
 * The defaults with a deploy's overrides (the JSON of LINLI_SUBSCRIBE_TEMPLATES):
 * `{"miniprogramState":"formal","templates":{"order_assigned":{"templateId":"…","fields":{"thing1":{"type":"thing","param":"service"}}}}}`.
 * A field map, when given, replaces the default one. A malformed override is reported and ignored
 * as a whole: messages stay off rather than go out half-configured.
 */
export const subscribeConfigFrom = (overrides: string | SubscribeOverrides | undefined | null): { config: SubscribeConfig; errors: string[] } => {
  const base: SubscribeConfig = { templates: { ...DEFAULT_TEMPLATES }, miniprogramState: 'formal' };
  if (overrides === undefined || overrides === null || overrides === '') return { config: base, errors: [] };
  let raw: unknown = overrides;
  if (typeof overrides === 'string') {
    try {
      raw = JSON.parse(overrides);
    } catch {
      return { config: base, errors: ['LINLI_SUBSCRIBE_TEMPLATES 不是合法的 JSON'] };
    }
  }
  const parsed = Overrides.safeParse(raw);
  if (!parsed.success) return { config: base, errors: [`LINLI_SUBSCRIBE_TEMPLATES 格式不正确：${z.prettifyError(parsed.error)}`] };
  const errors: string[] = [];
  const templates = { ...base.templates };
  const named = parsed.data.templates ?? {};
  for (const key of Object.keys(named)) if (!(SUBSCRIBE_EVENTS as readonly string[]).includes(key)) errors.push(`没有名为 ${key} 的事件`);
  for (const event of SUBSCRIBE_EVENTS) {
    const o = named[event];
    if (!o) continue;
    const next: TemplateSpec = { templateId: o.templateId ?? templates[event].templateId, page: o.page ?? templates[event].page, fields: o.fields ?? templates[event].fields };
    const unknown = Object.values(next.fields).filter((field) => !EVENT_PARAMS[event].includes(field.param));
    if (unknown.length) errors.push(`${event}: 没有参数 ${unknown.map((u) => u.param).join('、')}（可用：${EVENT_PARAMS[event].join('、')}）`);
    else templates[event] = next;
  }
  return { config: { templates, miniprogramState: parsed.data.miniprogramState ?? base.miniprogramState }, errors };
};

/** Local mode and tests: every event has a (made-up) template id, so that the outbox fills. */
export const localSubscribeConfig = (): SubscribeConfig => ({
  templates: Object.fromEntries(SUBSCRIBE_EVENTS.map((e) => [e, { ...DEFAULT_TEMPLATES[e], templateId: `local-${e.replace(/_/g, '-')}` }])) as Record<SubscribeEvent, TemplateSpec>,
  miniprogramState: 'developer',
});

/** The configured template of an event, or null when it has none. */
export const templateOf = (config: SubscribeConfig, event: string): (TemplateSpec & { event: SubscribeEvent }) | null => {
  if (!(SUBSCRIBE_EVENTS as readonly string[]).includes(event)) return null;
  const spec = config.templates[event as SubscribeEvent];
  return spec.templateId ? { ...spec, event: event as SubscribeEvent } : null;
};

/** The events a template id serves (a deploy may use one template for several). */
export const eventsOfTemplate = (config: SubscribeConfig, templateId: string): SubscribeEvent[] =>
  SUBSCRIBE_EVENTS.filter((e) => config.templates[e].templateId === templateId && templateId !== '');

/** The distinct template ids each tap asks consent for. */
export const momentTemplates = (config: SubscribeConfig): Record<SubscribeMoment, string[]> =>
  Object.fromEntries(
    Object.entries(SUBSCRIBE_MOMENTS).map(([moment, events]) => [
      moment,
      [...new Set((events as readonly SubscribeEvent[]).map((e) => config.templates[e].templateId).filter(Boolean))],
    ]),
  ) as Record<SubscribeMoment, string[]>;
