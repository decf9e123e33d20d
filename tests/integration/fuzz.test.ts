/**
 * Every action of every function, fed what a careless or hostile client might send: wrong types,
 * impossible dates, huge strings, operator objects ({"$gt": ""}), `__proto__` keys, negative and
 * fractional numbers. A request the schema must refuse answers VALIDATION and changes nothing;
 * a request the schema accepts but that names nothing real or sits at an edge is refused or
 * handled: never INTERNAL. Inputs are derived from each action's own schema (support/fuzzInputs).
 */
import { API, type FunctionName } from '../../types/api';
import type { z } from '../../types/zod';
import { COLLECTIONS } from '../../cloudfunctions/_core/collections';
import { FUNCTIONS } from '../../cloudfunctions/_core/functions';
import { openHarness, type DemoKey, type Harness } from '../support/harness';
import { exampleOf, fieldsOf, invalidValuesOf, oddValidValuesOf } from '../support/fuzzInputs';

let h: Harness;
beforeAll(async () => {
  h = await openHarness();
  h.clock.set('2026-12-05T10:00:00+08:00');
});
afterAll(() => h.close());

type Contract = { input: z.ZodMiniType };
const actions = (Object.keys(API) as FunctionName[]).flatMap((fn) =>
  Object.entries(API[fn] as Record<string, Contract>).map(([action, contract]) => ({ fn, action, contract })),
);

/** Where the schema alone cannot build a valid input. */
const OVERRIDES: Record<string, Record<string, unknown>> = {
  'users.applyMember': { skills: ['家电维修'] },
  'wishes.fulfilWish': { photos: ['local://abcdef.png'] },
  'activities.addActivity': { startTime: '09:00', endTime: '11:00', signupOpensDate: '2026-12-06', signupClosesDate: '2026-12-09', signupClosesTime: '18:00', cancelDeadlineDate: '2026-12-09', cancelDeadlineTime: '12:00' },
  'activities.updateActivity': { startTime: '09:00', endTime: '11:00' },
  'activities.createSeries': { startTime: '19:00', endTime: '21:00' },
  'activities.checkIn': { code: 'ABCDEFGHJK' },
  'activities.selfCheckIn': { code: 'ABCDEFGHJK' },
  'activities.signUp': { attendees: [{ name: '测试', relation: 'self', age: 40 }], volunteer: false },
};

const baseOf = (fn: string, action: string, contract: Contract) => ({ ...(exampleOf(contract.input) as object), ...OVERRIDES[`${fn}.${action}`] });

const ROLES: DemoKey[] = ['staff-li', 'member-zhang', 'resident-sun'];

/** Everything the store holds, to compare before and after. */
const snapshot = async () => {
  const all: Record<string, unknown[]> = {};
  for (const { name } of COLLECTIONS) all[name] = await h.store.find(name, {}, { orderBy: [['_id', 'asc']], limit: 1000 });
  return JSON.stringify(all);
};

const inBatches = async <T>(items: T[], size: number, each: (item: T) => Promise<void>) => {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(each));
};

test('the registry and the contracts name the same actions', () => {
  for (const fn of Object.keys(FUNCTIONS) as FunctionName[]) {
    expect(Object.keys((FUNCTIONS[fn] as { spec: object }).spec).sort()).toEqual(Object.keys(API[fn]).sort());
  }
});

test('every base input is valid for its schema (so one broken field is the only fault)', () => {
  const invalid = actions.filter(({ fn, action, contract }) => !contract.input.safeParse(baseOf(fn, action, contract)).success).map((a) => `${a.fn}.${a.action}`);
  expect(invalid).toEqual([]);
});

test('input the schema must refuse answers VALIDATION, in Chinese, and changes nothing', async () => {
  const before = await snapshot();
  const cases = actions.flatMap(({ fn, action, contract }) => {
    const base = baseOf(fn, action, contract);
    const whole = ['x', 42, [], null, { $where: '1' }].map((data) => ({ fn, action, data: data as unknown, what: `data=${JSON.stringify(data)}` }));
    const perField = Object.entries(fieldsOf(contract.input)).flatMap(([field, schema]) =>
      invalidValuesOf(schema).map((bad) => ({ fn, action, data: { ...base, [field]: bad } as unknown, what: `${field}=${JSON.stringify(bad)?.slice(0, 40)}` })),
    );
    // Data that is not an object is refused for every action; an action without fields ignores extra keys.
    return Object.keys(fieldsOf(contract.input)).length ? [...whole.filter((w) => w.data !== null && typeof w.data !== 'object'), ...perField] : whole.filter((w) => typeof w.data !== 'object' || w.data === null || Array.isArray(w.data)).filter((w) => w.data !== null);
  });
  expect(cases.length).toBeGreaterThan(500);
  const wrong: string[] = [];
  await inBatches(cases, 40, async ({ fn, action, data, what }) => {
    for (const role of ROLES) {
      const answer = await h.raw(fn, { action, data, requestId: `fuzz-${Math.random().toString(36).slice(2, 12)}` }, `demo-${role}`);
      if (answer.ok || answer.error.code !== 'VALIDATION' || !/[\u4e00-\u9fa5]/.test(answer.error.message)) {
        wrong.push(`${fn}.${action} ${what} as ${role} → ${answer.ok ? 'ok' : `${answer.error.code} ${answer.error.message}`}`);
      }
    }
  });
  expect(wrong).toEqual([]);
  expect(await snapshot()).toBe(before);
});

test('input the schema accepts but that names nothing real, or sits at an edge, is never INTERNAL', async () => {
  const cases = actions.flatMap(({ fn, action, contract }) => {
    const base = baseOf(fn, action, contract);
    return [
      { fn, action, data: base as unknown, what: 'base' },
      ...Object.entries(fieldsOf(contract.input)).flatMap(([field, schema]) =>
        oddValidValuesOf(schema).map((odd) => ({ fn, action, data: { ...base, [field]: odd } as unknown, what: `${field}=${JSON.stringify(odd)?.slice(0, 30)}` })),
      ),
      { fn, action, data: { ...base, cursor: 'bm90IGEgY3Vyc29y' }, what: 'cursor=garbage' },
    ];
  });
  const internal: string[] = [];
  const codes = new Set<string>();
  await inBatches(cases, 40, async ({ fn, action, data, what }) => {
    for (const role of [...ROLES, 'stranger' as const]) {
      const openid = role === 'stranger' ? 'wx-never-registered' : `demo-${role}`;
      const answer = await h.raw(fn, { action, data, requestId: `odd-${Math.random().toString(36).slice(2, 12)}` }, openid);
      codes.add(answer.ok ? 'ok' : answer.error.code);
      if (!answer.ok && answer.error.code === 'INTERNAL') internal.push(`${fn}.${action} ${what} as ${role}`);
    }
  });
  expect(internal).toEqual([]);
  // The requests reached the use-cases: they were refused for what they named, not for their form.
  expect([...codes]).toEqual(expect.arrayContaining(['ok', 'NOT_FOUND', 'FORBIDDEN']));
});
