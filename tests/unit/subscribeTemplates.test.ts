import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fitField, formatDate, formatTime } from '../../cloudfunctions/_core/messages/subscribeFields';
import { DEFAULT_TEMPLATES, EVENT_PARAMS, eventsOfTemplate, localSubscribeConfig, momentTemplates, subscribeConfigFrom, templateOf } from '../../cloudfunctions/_core/messages/subscribeTemplates';
import { settingsFromEnv } from '../../cloudfunctions/_adapters/cloudbase/cloudbaseMain';
import { SUBSCRIBE_EVENTS, SUBSCRIBE_MOMENTS } from '../../types/subscribe';

const len = (s: string) => Array.from(s).length;

describe('field values are cut to what their type allows', () => {
  test('thing: at most 20 characters, an ellipsis when cut; empty becomes 无', () => {
    expect(fitField('thing', '小家电维修')).toBe('小家电维修');
    const long = '中医养生讲座：冬季进补与常见慢病的日常调理方法';
    expect(fitField('thing', long)).toBe('中医养生讲座：冬季进补与常见慢病的日常…');
    expect(len(fitField('thing', long))).toBe(20);
    expect(len(fitField('thing', 'x'.repeat(20)))).toBe(20);
    expect(fitField('thing', '')).toBe('无');
    expect(fitField('thing', undefined)).toBe('无');
    expect(fitField('thing', '  两个\n\n空格  ')).toBe('两个 空格');
  });

  test('name: 10 Chinese characters, or 20 letters', () => {
    expect(fitField('name', '马文（文化里社区）的同事们')).toBe('马文（文化里社区）的');
    expect(fitField('name', 'Alexander Hamilton Jr')).toBe('Alexander Hamilton J');
  });

  test('phrase: at most 5 汉字 and nothing else', () => {
    expect(fitField('phrase', '已接单')).toBe('已接单');
    expect(fitField('phrase', '候补成功啦啦啦')).toBe('候补成功啦');
    expect(fitField('phrase', 'OK!')).toBe('通知');
  });

  test('numbers, strings, amounts, phones, symbols', () => {
    expect(fitField('number', 12)).toBe('12');
    expect(fitField('number', '共12项')).toBe('12');
    expect(fitField('character_string', 'order_ABC-123，订单')).toBe('order_ABC-123');
    expect(len(fitField('character_string', 'a'.repeat(40)))).toBe(32);
    expect(fitField('amount', '80元')).toBe('¥80');
    expect(fitField('phone_number', '138-0000-0022 转 3')).toBe('138-0000-0022  3');
    expect(fitField('symbol', '★★★★★★')).toBe('★★★★★');
    expect(fitField('letter', 'abc123')).toBe('abc');
  });

  test('times and dates in Asia/Shanghai, whatever the host’s zone', () => {
    const at = Date.parse('2026-12-11T17:05:00Z'); // 12-12 01:05 in Shanghai
    expect(fitField('time', at)).toBe('2026年12月12日 01:05');
    expect(fitField('date', at)).toBe('2026年12月12日');
    expect(formatTime(Date.parse('2026-01-02T03:04:00+08:00'))).toBe('2026年1月2日 03:04');
    expect(formatDate(Date.parse('2026-01-02T03:04:00+08:00'))).toBe('2026年1月2日');
  });
});

describe('templates per event, overridable at deploy', () => {
  test('every event has a page and fields that name its params; none is sent until it has an id', () => {
    for (const event of SUBSCRIBE_EVENTS) {
      const spec = DEFAULT_TEMPLATES[event];
      expect(spec.templateId).toBe('');
      expect(spec.page).not.toMatch(/^\//);
      for (const field of Object.values(spec.fields)) expect(EVENT_PARAMS[event]).toContain(field.param);
      expect(templateOf(subscribeConfigFrom(undefined).config, event)).toBeNull();
    }
  });

  test('an override names template ids, pages and fields per event; the rest stays', () => {
    const { config, errors } = subscribeConfigFrom(
      JSON.stringify({
        miniprogramState: 'trial',
        templates: {
          order_assigned: { templateId: 'tmpl-A' },
          order_accepted: { templateId: 'tmpl-B', fields: { thing3: { type: 'thing', param: 'service' }, date5: { type: 'date', param: 'schedule' } } },
          activity_reminder: { templateId: 'tmpl-B' },
        },
      }),
    );
    expect(errors).toEqual([]);
    expect(config.miniprogramState).toBe('trial');
    expect(config.templates.order_assigned).toEqual({ ...DEFAULT_TEMPLATES.order_assigned, templateId: 'tmpl-A' });
    expect(config.templates.order_accepted.fields).toEqual({ thing3: { type: 'thing', param: 'service' }, date5: { type: 'date', param: 'schedule' } });
    expect(eventsOfTemplate(config, 'tmpl-B')).toEqual(['order_accepted', 'activity_reminder']);
    // A tap asks for each template once, and only for configured ones.
    expect(momentTemplates(config)).toMatchObject({ submitOrder: ['tmpl-B'], takeOrder: ['tmpl-A'], postWish: [], signUp: ['tmpl-B'] });
  });

  test('a malformed override is reported and changes nothing', () => {
    expect(subscribeConfigFrom('{not json').errors).toEqual(['LINLI_SUBSCRIBE_TEMPLATES 不是合法的 JSON']);
    expect(subscribeConfigFrom({ templates: { order_assigned: { fields: { thing1: { type: 'colour' as never, param: 'service' } } } } }).errors).toHaveLength(1);
    const unknownParam = subscribeConfigFrom({ templates: { order_assigned: { templateId: 'x', fields: { thing1: { type: 'thing', param: 'address' } } } } });
    expect(unknownParam.errors[0]).toContain('order_assigned: 没有参数 address');
    expect(unknownParam.config.templates.order_assigned.templateId).toBe('');
    expect(subscribeConfigFrom({ templates: { no_such_event: { templateId: 'x' } } }).errors).toEqual(['没有名为 no_such_event 的事件']);
  });

  test('local mode has an id for every event; every moment asks for at most 3 (WeChat’s limit per tap)', () => {
    const local = localSubscribeConfig();
    for (const event of SUBSCRIBE_EVENTS) expect(templateOf(local, event)?.templateId).toMatch(/^local-/);
    for (const moment of Object.keys(SUBSCRIBE_MOMENTS)) expect(momentTemplates(local)[moment as keyof typeof SUBSCRIBE_MOMENTS].length).toBeLessThanOrEqual(3);
  });
});

describe('deploy settings from the function’s environment', () => {
  test('a setup code of 8 or more characters opens setup; a shorter one or an unrendered template does not', () => {
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(settingsFromEnv({ LINLI_SETUP_CODE: 'K7Q2-M9X4-T3' }).setupCode).toBe('K7Q2-M9X4-T3');
      expect(settingsFromEnv({ LINLI_SETUP_CODE: 'short' }).setupCode).toBeNull();
      expect(settingsFromEnv({ LINLI_SETUP_CODE: '{{env.LINLI_SETUP_CODE}}' }).setupCode).toBeNull();
      expect(settingsFromEnv({}).setupCode).toBeNull();
      expect(settingsFromEnv({ LINLI_SUBSCRIBE_TEMPLATES: '{{env.LINLI_SUBSCRIBE_TEMPLATES}}' }).subscribe.templates.order_assigned.templateId).toBe('');
      expect(settingsFromEnv({ LINLI_SUBSCRIBE_TEMPLATES: '{"templates":{"wish_claimed":{"templateId":"W1"}}}' }).subscribe.templates.wish_claimed.templateId).toBe('W1');
      expect(settingsFromEnv({}).subscribe.miniprogramState).toBe('formal');
    } finally {
      error.mockRestore();
    }
  });
});

test('every message opens a page the mini-program has, with the id it reads', () => {
  const config = readFileSync(join(__dirname, '..', '..', 'src', 'app.config.ts'), 'utf8');
  for (const [event, spec] of Object.entries(DEFAULT_TEMPLATES)) {
    const [route, query] = spec.page.split('?');
    const sub = /^(packages\/[^/]+)\/(pages\/.+)$/.exec(route);
    const declared = sub ? config.includes(`root: '${sub[1]}'`) && config.includes(`'${sub[2]}'`) : config.includes(`'${route}'`);
    expect({ event, route, declared }).toEqual({ event, route, declared: true });
    expect({ event, file: existsSync(join(__dirname, '..', '..', 'src', `${route}.tsx`)) }).toEqual({ event, file: true });
    if (query) expect(query).toBe('id={refId}');
  }
});
