/**
 * Inputs for the fuzz test, derived from each action's own zod schema: a plausible valid input,
 * inputs that break exactly one field (the schema must refuse them), and inputs the schema
 * accepts but that name nothing real or sit at the edges (the use-case must refuse or handle them).
 */
import type { z } from '../../types/zod';

type Def = {
  type: string;
  shape?: Record<string, z.ZodMiniType>;
  innerType?: z.ZodMiniType;
  element?: z.ZodMiniType;
  entries?: Record<string, string>;
  values?: unknown[];
  options?: z.ZodMiniType[];
  checks?: Array<{ _zod: { def: CheckDef } }>;
};
type CheckDef = { check: string; pattern?: RegExp; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; format?: string };

const defOf = (s: z.ZodMiniType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checksOf = (s: z.ZodMiniType): CheckDef[] => (defOf(s).checks ?? []).map((c) => c._zod.def);

const unwrap = (s: z.ZodMiniType): { schema: z.ZodMiniType; optional: boolean; nullable: boolean } => {
  let schema = s;
  let optional = false;
  let nullable = false;
  for (;;) {
    const d = defOf(schema);
    if (d.type === 'optional') optional = true;
    else if (d.type === 'nullable') nullable = true;
    else return { schema, optional, nullable };
    schema = d.innerType!;
  }
};

const DATE = /\\d\{4\}-\\d\{2\}-\\d\{2\}/;
const TIME = /\[01\]/;
const MONTH = /0\[1-9\]\|1\[0-2\]/;
const PHONE = /\^1\[3-9\]/;
const PHOTO = /cloud:/;

const patternOf = (s: z.ZodMiniType) => checksOf(s).find((c) => c.pattern)?.pattern?.source ?? '';
const bound = (s: z.ZodMiniType, check: string) => checksOf(s).find((c) => c.check === check);

/** A plausible valid value for a schema, or undefined to leave an optional field out. */
export const exampleOf = (input: z.ZodMiniType): unknown => {
  const { schema, optional } = unwrap(input);
  const d = defOf(schema);
  switch (d.type) {
    case 'object':
      return Object.fromEntries(Object.entries(d.shape!).flatMap(([k, v]) => {
        const value = exampleOf(v);
        return value === undefined ? [] : [[k, value]];
      }));
    case 'string': {
      const p = patternOf(schema);
      if (PHOTO.test(p)) return undefined;
      if (DATE.test(p)) return '2026-12-10';
      if (MONTH.test(p)) return '2026-12';
      if (TIME.test(p)) return '09:00';
      if (PHONE.test(p)) return '13800000000';
      return optional ? undefined : '测试';
    }
    case 'number': {
      const min = bound(schema, 'greater_than')?.value;
      return min !== undefined && min > 0 ? min : 1;
    }
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(d.entries!)[0];
    case 'literal':
      return d.values![0];
    case 'array':
      return optional ? undefined : [];
    case 'record':
      return {};
    case 'union':
      return exampleOf(d.options![0]);
    default:
      return undefined;
  }
};

const polluted = () => JSON.parse('{"__proto__": {"role": "staff", "polluted": true}}') as unknown;
export const HUGE = 'x'.repeat(100_000);

/** Values this field's schema must refuse. */
export const invalidValuesOf = (input: z.ZodMiniType): unknown[] => {
  const { schema, nullable } = unwrap(input);
  const d = defOf(schema);
  const common: unknown[] = [{ $gt: '' }, polluted(), ...(nullable ? [] : [null])];
  switch (d.type) {
    case 'string': {
      const p = patternOf(schema);
      const out: unknown[] = [...common, 42, true, ['x']];
      if (bound(schema, 'max_length')) out.push(HUGE);
      if ((bound(schema, 'min_length')?.minimum ?? 0) >= 1) out.push('');
      if (DATE.test(p)) out.push('2026-13-01', '2026-11-31', '2026-02-30', '2026-11-32', '0000-00-00', '9999-12-31', '2026-1-1');
      if (MONTH.test(p)) out.push('2026-13', '2026-00', '0000-01');
      if (TIME.test(p)) out.push('24:00', '09:60', '9:00');
      return out;
    }
    case 'number': {
      const out: unknown[] = [...common, '1', true, [1]];
      const min = bound(schema, 'greater_than')?.value;
      const max = bound(schema, 'less_than')?.value;
      if (checksOf(schema).some((c) => c.format === 'safeint')) out.push(1.5);
      if (min !== undefined) out.push(min - 1, -Number.MAX_VALUE);
      if (max !== undefined) out.push(max + 1, Number.MAX_VALUE);
      return out;
    }
    case 'boolean':
      return [...common, 'true', 1];
    case 'enum':
      return [...common, 'nope', 1, { $in: Object.values(d.entries!) }];
    case 'array': {
      const out: unknown[] = [...common, 'x', { 0: 'a' }];
      const max = bound(schema, 'max_length')?.maximum;
      if (max !== undefined) out.push(Array.from({ length: max + 1 }, () => exampleOf(d.element!) ?? 'x'));
      const bad = invalidValuesOf(d.element!)[0];
      out.push([bad]);
      return out;
    }
    case 'object':
      return [...common, 'x', 1, []];
    default:
      return common;
  }
};

/** Values this field's schema accepts but that name nothing or sit at an edge. */
export const oddValidValuesOf = (input: z.ZodMiniType): unknown[] => {
  const { schema } = unwrap(input);
  const d = defOf(schema);
  switch (d.type) {
    case 'string': {
      const p = patternOf(schema);
      if (DATE.test(p)) return ['2000-01-01', '2099-12-31', '2026-02-28', '2028-02-29'];
      if (MONTH.test(p)) return ['2000-01', '2099-12'];
      if (TIME.test(p)) return ['00:00', '23:59'];
      if (PHONE.test(p) || PHOTO.test(p)) return [];
      const max = bound(schema, 'max_length')?.maximum ?? 64;
      return ['nobody', '__proto__', 'constructor', '$where', 'a.b', 'a b', '../x', '😀'.repeat(Math.max(1, Math.floor(max / 2))), '测'.repeat(max)];
    }
    case 'number': {
      const min = bound(schema, 'greater_than')?.value;
      const max = bound(schema, 'less_than')?.value;
      return [min, max, 0].filter((v): v is number => v !== undefined);
    }
    case 'array':
      return [[]];
    default:
      return [];
  }
};

export const fieldsOf = (input: z.ZodMiniType): Record<string, z.ZodMiniType> => {
  const d = defOf(unwrap(input).schema);
  return d.type === 'object' ? d.shape! : {};
};
