import { ORDER_STATUS_LABELS, type OrderStatus } from '../../../types/orders';
import { CATEGORY_KIND_LABELS } from '../../../types/menu';
import type { MonthlyReview } from '../../../types/reports';
import { cell, header, percent, type Sheet } from './sheets';

export type { Sheet };

const minutes = (value: number | null) => (value === null ? null : Math.round(value));
const row = (label: string, value: string | number | null) => [cell(label), cell(value)];

/** The review as the sheets of the exported workbook: one per section, Chinese headers. */
export const reviewSheets = (review: MonthlyReview): Sheet[] => {
  const { totals, wishes, activities, members } = review;
  return [
    {
      sheet: '概览',
      data: [
        header('指标', '数值'),
        row('月份', review.month),
        row('服务订单', totals.orders),
        row('订单完成率', percent(totals.completionRate)),
        row('平均评分', totals.averageRating),
        row('微心愿发布', wishes.posted),
        row('微心愿圆梦', wishes.fulfilled),
        row('活动场次', activities.sessions),
        row('活动到场率', percent(activities.attendanceRate)),
        row('党员积分', members.points),
        row('志愿服务时长（小时）', members.hours),
      ],
    },
    {
      sheet: '服务订单',
      data: [
        header('指标', '数值'),
        row('订单数', totals.orders),
        row('已完成', totals.completed),
        row('完成率', percent(totals.completionRate)),
        row('派单用时中位数（分钟）', minutes(totals.medianMinutesToDispatch)),
        row('完成用时中位数（分钟）', minutes(totals.medianMinutesToComplete)),
        row('平均评分', totals.averageRating),
        row('评价数', totals.ratings),
        row('低分评价（≤2星）', totals.lowRatings),
        row('已取消', totals.cancelled),
        row('超时未派', totals.overdue),
        row('名额不足未约上', totals.quotaRefused),
        ...Object.entries(review.byStatus).map(([status, n]) => row(`状态：${ORDER_STATUS_LABELS[status as OrderStatus] ?? status}`, n)),
      ],
    },
    {
      sheet: '服务分类',
      data: [
        header('服务分类', '类型', '订单数', '已完成', '平均评分', '低分', '已取消', '超时未派', '名额不足'),
        ...review.categories.map((c) => [
          cell(c.categoryName),
          cell(CATEGORY_KIND_LABELS[c.kind]),
          cell(c.total),
          cell(c.completed),
          cell(c.averageRating),
          cell(c.lowRatings),
          cell(c.cancelled),
          cell(c.overdue),
          cell(c.quotaRefused),
        ]),
      ],
    },
    {
      sheet: '低分回访',
      data: [
        header('服务', '居民', '党员', '星级', '评价'),
        ...review.lowRatings.map((r) => [cell(r.itemTitle), cell(r.residentName), cell(r.assigneeName), cell(r.stars), cell(r.comment)]),
      ],
    },
    {
      sheet: '微心愿',
      data: [
        header('受助对象', '发布', '认领', '圆梦', '确认'),
        ...wishes.byBeneficiary.map((b) => [cell(b.label), cell(b.posted), cell(b.claimed), cell(b.fulfilled), cell(b.confirmed)]),
        [cell('合计'), cell(wishes.posted), cell(wishes.claimed), cell(wishes.fulfilled), cell(wishes.confirmed)],
        [],
        header('指标', '数值'),
        row('审核通过', wishes.approved),
        row('未通过审核', wishes.rejected),
        row('释放认领', wishes.released),
        row('撤回', wishes.withdrawn),
        row('过期', wishes.expired),
        row('圆梦用时中位数（天）', wishes.medianDaysToFulfil),
      ],
    },
    {
      sheet: '党群活动',
      data: [
        header('活动类别', '场次', '名额', '报名人数', '候补人次', '签到人数'),
        ...activities.categories.map((c) => [cell(c.label), cell(c.sessions), cell(c.places), cell(c.signups), cell(c.waitlist), cell(c.checkedIn)]),
        [cell('合计'), cell(activities.sessions), cell(activities.places), cell(activities.signups), cell(activities.waitlist), cell(activities.checkedIn)],
        [],
        header('指标', '数值'),
        row('名额使用率', percent(activities.fillRate)),
        row('到场率', percent(activities.attendanceRate)),
        row('未到场人数', activities.noShows),
        row('志愿者人次', activities.volunteers),
        row('评价数', activities.ratings),
        row('平均评分', activities.averageRating),
      ],
    },
    {
      sheet: '党员',
      data: [
        header('党员', '星级', '本月积分', '志愿服务时长（小时）', '完成订单'),
        ...review.topMembers.map((m) => [cell(m.name), cell(`★${m.stars}`), cell(m.points), cell(m.hours), cell(m.completed)]),
        [],
        header('指标', '数值'),
        row('党员人数', members.members),
        row('本月有服务的党员', members.activeMembers),
        row('本月积分合计', members.points),
        row('本月时长合计（小时）', members.hours),
        ...members.stars.map((s) => row(`★${s.stars} 党员`, s.members)),
      ],
    },
    {
      sheet: '近12月趋势',
      data: [
        header('月份', '订单数', '已完成', '完成率', '平均评分', '心愿发布', '心愿圆梦', '活动场次', '签到人数', '到场率', '积分', '时长（小时）'),
        ...review.trend.map((t) => [
          cell(t.month),
          cell(t.orders),
          cell(t.completed),
          cell(percent(t.completionRate)),
          cell(t.averageRating),
          cell(t.wishesPosted),
          cell(t.wishesFulfilled),
          cell(t.sessions),
          cell(t.checkedIn),
          cell(percent(t.attendanceRate)),
          cell(t.points),
          cell(t.hours),
        ]),
      ],
    },
  ];
};
