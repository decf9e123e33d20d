/**
 * Every cloud function and its actions, with input and output schemas. The functions validate
 * requests with these; the front end's `call()` is typed by them and validates forms with them.
 */
import { z } from './zod';
import { EmptyInput, OkOutput } from './common';
import {
  ApplyMemberInput,
  CommunityOption,
  ListUsersInput,
  MeOutput,
  RedeemInviteInput,
  RegisterInput,
  ReviewMemberInput,
  SetElderlyInput,
  SetupInput,
  SetupStatus,
  UpdateProfileInput,
  UserProfile,
  UserSummary,
  HomeBadges,
} from './users';
import {
  CreateCategoryInput,
  CreateItemInput,
  ItemIdInput,
  ListItemsAdminInput,
  ListMenuInput,
  MenuOutput,
  ServiceCategory,
  ServiceItem,
  SetItemStatusInput,
  UpdateItemInput,
} from './menu';

import { action, type ActionContract } from './action';
import { ADMIN_API } from './admin';
import { ReportSubscribeInput, SubscribeBalances, SubscribeTemplatesOutput } from './subscribe';
import { ACTIVITIES_API } from './activities';
import { WISHES_API } from './wishes';
import { REPORTS_API } from './reports';
import { HOURS_API } from './hours';
import { ACTIVITY_PLANNING_API } from './activityPlanning';
import { ListMessagesInput, MarkReadInput, MessagesOutput } from './messages';
import {
  CancelInput,
  CompleteInput,
  CreateOrderInput,
  DispatchBoardOutput,
  DispatchInput,
  ListOrdersInput,
  OrderIdInput,
  OrderPage,
  OrderView,
  RateInput,
  ReasonInput,
} from './orders';
import {
  AdjustPointsInput,
  LeaderboardInput,
  LeaderboardOutput,
  LedgerEntryView,
  MemberPointsInput,
  MyPointsInput,
  MyPointsOutput,
} from './points';

export const API = {
  users: {
    listCommunities: action(EmptyInput, z.object({ items: z.array(CommunityOption) })),
    me: action(EmptyInput, MeOutput),
    register: action(RegisterInput, UserProfile),
    updateProfile: action(UpdateProfileInput, UserProfile),
    applyMember: action(ApplyMemberInput, UserProfile),
    listUsers: action(ListUsersInput, z.object({ items: z.array(UserSummary), nextCursor: z.nullable(z.string()) })),
    homeBadges: action(EmptyInput, HomeBadges),
    reviewMember: action(ReviewMemberInput, UserSummary),
    listMessages: action(ListMessagesInput, MessagesOutput),
    markMessagesRead: action(MarkReadInput, OkOutput),
    setElderly: action(SetElderlyInput, UserSummary),
    setupStatus: action(EmptyInput, SetupStatus),
    setup: action(SetupInput, UserProfile),
    redeemStaffInvite: action(RedeemInviteInput, UserProfile),
    subscribeTemplates: action(EmptyInput, SubscribeTemplatesOutput),
    reportSubscribe: action(ReportSubscribeInput, SubscribeBalances),
    mySubscriptions: action(EmptyInput, SubscribeBalances),
  },
  orders: {
    listMenu: action(ListMenuInput, MenuOutput),
    getItem: action(ItemIdInput, ServiceItem),
    listCategories: action(EmptyInput, z.object({ items: z.array(ServiceCategory) })),
    createCategory: action(CreateCategoryInput, ServiceCategory),
    listItemsAdmin: action(ListItemsAdminInput, z.object({ items: z.array(ServiceItem) })),
    createItem: action(CreateItemInput, ServiceItem),
    updateItem: action(UpdateItemInput, ServiceItem),
    setItemStatus: action(SetItemStatusInput, ServiceItem),
    createOrder: action(CreateOrderInput, OrderView),
    getOrder: action(OrderIdInput, OrderView),
    listMyOrders: action(ListOrdersInput, OrderPage),
    cancelOrder: action(CancelInput, OrderView),
    rateOrder: action(RateInput, OrderView),
    taskHall: action(ListOrdersInput, OrderPage),
    myTasks: action(ListOrdersInput, OrderPage),
    grabOrder: action(OrderIdInput, OrderView),
    declineOrder: action(ReasonInput, OrderView),
    startOrder: action(OrderIdInput, OrderView),
    completeOrder: action(CompleteInput, OrderView),
    dispatchBoard: action(EmptyInput, DispatchBoardOutput),
    listOrdersAdmin: action(ListOrdersInput, OrderPage),
    dispatchOrder: action(DispatchInput, OrderView),
  },
  points: {
    myPoints: action(MyPointsInput, MyPointsOutput),
    memberPoints: action(MemberPointsInput, MyPointsOutput),
    leaderboard: action(LeaderboardInput, LeaderboardOutput),
    adjustPoints: action(AdjustPointsInput, LedgerEntryView),
    ...HOURS_API,
  },
  wishes: WISHES_API,
  activities: { ...ACTIVITIES_API, ...ACTIVITY_PLANNING_API },
  reports: REPORTS_API,
  admin: ADMIN_API,
} as const;

export type Api = typeof API;
export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends ActionContract<infer I, z.ZodMiniType>
  ? z.input<I>
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends ActionContract<z.ZodMiniType, infer O>
  ? z.output<O>
  : never;

/** The event every function receives, from `callFunction` in WeChat or `POST /api/<fn>` locally. */
export const FunctionEvent = z.object({
  action: z.string({ error: '缺少操作名' }).check(z.minLength(1, '缺少操作名'), z.maxLength(64)),
  data: z.optional(z.record(z.string(), z.unknown())),
  requestId: z.optional(z.string().check(z.minLength(8, '请求编号过短'), z.maxLength(64, '请求编号过长'))),
});
export type FunctionEvent = z.infer<typeof FunctionEvent>;

export { OkOutput };
export type { ActionContract };
