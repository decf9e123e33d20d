/**
 * Text a user writes for others to read passes WeChat's content security (`security.msgSecCheck`
 * v2, with the author's openid and the scene it is published in) before anything is stored. The
 * check runs in the first round trip, beside the read of the caller (runtime/defineFunction.ts),
 * and its verdict is applied once access has been checked: a refused text answers VALIDATION
 * naming the field, and nothing is written.
 *
 * `review` (WeChat is unsure) is let through: the text is a resident's own words in a community of
 * neighbours who know each other, staff review every wish before it is shown, and a false refusal
 * would stop an elderly resident asking for help. `risky` is refused.
 */
import type { Ports, TextScene } from '../ports';
import { DomainError } from '../runtime/domainError';

/** One field of user text in an action's input. */
export type TextField = { field: string; label: string; text: string | null | undefined; scene: TextScene };

/** The scenes used: a wish is a post (论坛), notes and comments are comments, what a member did is a log. */
export const SCENES = { profile: 1, comment: 2, post: 3, log: 4 } as const satisfies Record<string, TextScene>;

export type TextVerdicts = { refused: TextField[]; unavailable: boolean };

export const NO_TEXT: TextVerdicts = { refused: [], unavailable: false };

/** Checks every non-empty field at once; a check that could not run marks the whole as unavailable. */
export const checkTexts = async (ports: Ports, openid: string, fields: TextField[]): Promise<TextVerdicts> => {
  const present = fields.filter((f): f is TextField & { text: string } => typeof f.text === 'string' && f.text.trim() !== '');
  if (present.length === 0) return NO_TEXT;
  const verdicts = await Promise.all(
    present.map((f) =>
      ports.security.checkText({ content: f.text, scene: f.scene, openid }).then(
        (v) => v.suggest,
        (e: unknown) => {
          console.error('[security] msgSecCheck failed', e);
          return 'unavailable' as const;
        },
      ),
    ),
  );
  return { refused: present.filter((_, i) => verdicts[i] === 'risky'), unavailable: verdicts.includes('unavailable') };
};

/** Throws the answer the verdicts call for: VALIDATION naming each refused field. */
export const assertTextsClean = (verdicts: TextVerdicts): void => {
  if (verdicts.refused.length) {
    const fields = Object.fromEntries(verdicts.refused.map((f) => [f.field, `${f.label}含有不宜发布的内容，请修改后再提交`]));
    throw new DomainError('VALIDATION', `${verdicts.refused[0].label}含有不宜发布的内容，请修改后再提交`, fields);
  }
  // Without a verdict nothing is published; the client may simply try again.
  if (verdicts.unavailable) throw new DomainError('CONFLICT', '内容安全检查暂时不可用，请稍后重试');
};
