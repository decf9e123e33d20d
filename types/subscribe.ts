import { z } from './zod';
export * from './constants/subscribe';

/** The template ids this deployment has, per tap (only events with a configured template). */
export const SubscribeTemplatesOutput = z.object({
  moments: z.record(z.string(), z.array(z.string())),
  events: z.array(z.object({ event: z.string(), label: z.string(), templateId: z.string() })),
});
export type SubscribeTemplatesOutput = z.infer<typeof SubscribeTemplatesOutput>;

const TemplateId = z.string({ error: '模板编号格式不正确' }).check(z.minLength(1, '模板编号格式不正确'), z.maxLength(64, '模板编号格式不正确'));

/**
 * What `requestSubscribeMessage` answered: the ids the user accepted (`accept`); any others
 * (reject, ban, filter) are simply not listed.
 */
export const ReportSubscribeInput = z.object({
  accepted: z.array(TemplateId).check(z.maxLength(10, '一次最多上报10个模板')),
});
export type ReportSubscribeInput = z.infer<typeof ReportSubscribeInput>;

/** How many messages of each event the server may still send the user (one per consent). */
export const SubscribeBalances = z.object({
  balances: z.array(z.object({ event: z.string(), label: z.string(), templateId: z.string(), count: z.number() })),
});
export type SubscribeBalances = z.infer<typeof SubscribeBalances>;
