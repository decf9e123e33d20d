/**
 * Contracts of the `wishes` function (微心愿, PRODUCT.md "Loop 2"): who the wish is for, the form,
 * the states, what a viewer may see of a wish, and every action's input and output.
 */
import { z } from './zod';
import { CalendarDate, Id, PageInput, Timestamp, optionalText, text } from './common';
import { Photos } from './files';
import { action } from './action';
import { BENEFICIARY_TYPES, WISH_KINDS, WISH_STATUSES, WALL_STATUSES, CLAIM_STATUSES, MAX_WISH_VALUE, MAX_WISH_PHOTOS } from './constants/wishes';
export * from './constants/wishes';

export const BeneficiaryType = z.enum(BENEFICIARY_TYPES, { error: '请选择受助对象类型' });
export type BeneficiaryType = z.infer<typeof BeneficiaryType>;

export const WishKind = z.enum(WISH_KINDS, { error: '请选择心愿类型' });
export type WishKind = z.infer<typeof WishKind>;

export const WishStatus = z.enum(WISH_STATUSES, { error: '心愿状态不正确' });
export type WishStatus = z.infer<typeof WishStatus>;

export const WallStatus = z.enum(WALL_STATUSES, { error: '心愿状态不正确' });
export type WallStatus = z.infer<typeof WallStatus>;

export const ClaimStatus = z.enum(CLAIM_STATUSES, { error: '心愿状态不正确' });

/** The wish form: the page validates with it, the server validates the request with it. */
export const WishFields = z.object({
  beneficiaryType: BeneficiaryType,
  kind: WishKind,
  title: text('心愿标题', 30),
  content: text('心愿内容', 300),
  /** Estimated value in whole yuan. */
  value: z.number({ error: '请填写预计价值' }).check(
    z.int('预计价值须为整数（元）'),
    z.gte(0, '预计价值不能为负数'),
    z.lte(MAX_WISH_VALUE, `预计价值不超过${MAX_WISH_VALUE}元`),
  ),
  photos: z.optional(Photos('心愿照片', MAX_WISH_PHOTOS)),
  /** Last day (Asia/Shanghai) the wish may be claimed; the server refuses a day already past. */
  deadline: CalendarDate('截止日期'),
});
export type WishFields = z.infer<typeof WishFields>;

export const PostWishInput = z.extend(WishFields, {
  /** Staff posting for a resident (代发心愿): the resident's user id. */
  onBehalfOf: z.optional(Id),
});
export type PostWishInput = z.infer<typeof PostWishInput>;

export const WishIdInput = z.object({ wishId: Id });
export type WishIdInput = z.infer<typeof WishIdInput>;

/** Approve, or reject with a reason (the server refuses a rejection without one). */
export const ReviewWishInput = z.object({ wishId: Id, approve: z.boolean({ error: '请选择审核结果' }), reason: optionalText('不通过原因', 100) });
export type ReviewWishInput = z.infer<typeof ReviewWishInput>;

export const ReleaseClaimInput = z.object({ wishId: Id, reason: text('释放原因', 100) });
export type ReleaseClaimInput = z.infer<typeof ReleaseClaimInput>;

export const FulfilWishFields = z.object({
  note: text('圆梦说明', 200),
  photos: Photos('圆梦照片', MAX_WISH_PHOTOS).check(z.minLength(1, '请上传至少一张圆梦照片')),
});
export const FulfilWishInput = z.extend(FulfilWishFields, { wishId: Id });
export type FulfilWishInput = z.infer<typeof FulfilWishInput>;

export const WithdrawWishInput = z.object({ wishId: Id, reason: optionalText('撤回原因', 100) });
export type WithdrawWishInput = z.infer<typeof WithdrawWishInput>;

export const WishWallInput = z.extend(PageInput, {
  beneficiaryType: z.optional(BeneficiaryType),
  kind: z.optional(WishKind),
  /** Default `open`. */
  status: z.optional(WallStatus),
});
export type WishWallInput = z.infer<typeof WishWallInput>;

export const MyWishesInput = z.extend(PageInput, { status: z.optional(WishStatus) });
export type MyWishesInput = z.infer<typeof MyWishesInput>;

export const MyClaimsInput = z.extend(PageInput, { status: z.optional(ClaimStatus) });
export type MyClaimsInput = z.infer<typeof MyClaimsInput>;

export const ReviewQueueInput = PageInput;

/** One state change on a wish's timeline; `byName` of the beneficiary is masked like the wish. */
export const WishEvent = z.object({
  at: Timestamp,
  byName: z.string(),
  from: z.nullable(WishStatus),
  to: WishStatus,
  note: z.string(),
});
export type WishEvent = z.infer<typeof WishEvent>;

/** What the viewer may do next, so pages show only the buttons that will work. */
export const WishAbilities = z.object({
  claim: z.boolean(),
  release: z.boolean(),
  fulfil: z.boolean(),
  confirm: z.boolean(),
  withdraw: z.boolean(),
  review: z.boolean(),
});
export type WishAbilities = z.infer<typeof WishAbilities>;

/**
 * A wish as one viewer may see it. `beneficiaryName` is the full name for the beneficiary, the
 * poster and staff, otherwise masked (王**). `beneficiaryPhone` is null for the public; the member
 * holding the claim sees it while the wish is claimed, to arrange the delivery.
 */
export const WishView = z.object({
  _id: Id,
  communityId: Id,
  beneficiaryType: BeneficiaryType,
  kind: WishKind,
  title: z.string(),
  content: z.string(),
  value: z.number(),
  photos: z.array(z.string()),
  deadline: z.string(),
  status: WishStatus,
  beneficiaryName: z.string(),
  beneficiaryPhone: z.nullable(z.string()),
  /** Posted by staff for the resident (代发). */
  proxy: z.boolean(),
  /** The staff member who posted it, for the beneficiary and staff; null otherwise. */
  postedByName: z.nullable(z.string()),
  claimerId: z.nullable(Id),
  claimerName: z.nullable(z.string()),
  claimedAt: z.nullable(Timestamp),
  fulfilNote: z.string(),
  fulfilPhotos: z.array(z.string()),
  fulfilledAt: z.nullable(Timestamp),
  confirmedAt: z.nullable(Timestamp),
  /** Why staff rejected it; empty for anyone but the beneficiary, the poster and staff. */
  rejectReason: z.string(),
  /** The viewer is the beneficiary or the poster. */
  mine: z.boolean(),
  can: WishAbilities,
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type WishView = z.infer<typeof WishView>;

export const WishDetail = z.extend(WishView, { timeline: z.array(WishEvent) });
export type WishDetail = z.infer<typeof WishDetail>;

export const WishPage = z.object({ items: z.array(WishView), nextCursor: z.nullable(z.string()) });
export type WishPage = z.infer<typeof WishPage>;

export const WishWallOutput = z.extend(WishPage, {
  /** `fulfilled` counts fulfilled and confirmed wishes: 累计圆梦 N 个. */
  counts: z.object({ open: z.number(), fulfilled: z.number() }),
});
export type WishWallOutput = z.infer<typeof WishWallOutput>;

export const WISHES_API = {
  postWish: action(PostWishInput, WishDetail),
  reviewWish: action(ReviewWishInput, WishDetail),
  claimWish: action(WishIdInput, WishDetail),
  releaseClaim: action(ReleaseClaimInput, WishDetail),
  fulfilWish: action(FulfilWishInput, WishDetail),
  confirmWish: action(WishIdInput, WishDetail),
  withdrawWish: action(WithdrawWishInput, WishDetail),
  getWish: action(WishIdInput, WishDetail),
  wishWall: action(WishWallInput, WishWallOutput),
  myWishes: action(MyWishesInput, WishPage),
  myClaims: action(MyClaimsInput, WishPage),
  reviewQueue: action(ReviewQueueInput, WishPage),
} as const;
