import { emptyActivityDraft, validateActivityDraft, type ActivityDraft } from '../../src/packages/activities-staff/components/activityForm';

const NOW = Date.parse('2026-11-25T10:00:00+08:00');

const filled = (over: Partial<ActivityDraft> = {}): ActivityDraft => ({
  ...emptyActivityDraft(NOW),
  title: '四点半课堂',
  category: 'after_school',
  description: '作业辅导',
  place: '社区党群服务中心',
  date: '2026-12-03',
  startTime: '16:30',
  endTime: '18:00',
  capacity: '20',
  ...over,
});

describe('activity form (issue 13 bug 6)', () => {
  it('accepts a form whose optional deadlines are left blank', () => {
    expect(validateActivityDraft(filled()).errors).toEqual({});
  });

  it('reports an empty start date on the date, not on the blank deadline fields', () => {
    const { errors } = validateActivityDraft(filled({ date: '' }));
    expect(errors.date).toBe('请选择活动日期');
    expect(errors.signupClosesDate).toBeUndefined();
    expect(errors.signupClosesTime).toBeUndefined();
    expect(errors.cancelDeadlineDate).toBeUndefined();
    expect(errors.cancelDeadlineTime).toBeUndefined();
  });

  it('reports a start before sign-ups open on the date, not on a deadline left blank', () => {
    const { errors } = validateActivityDraft(filled({ date: '2026-11-20' }));
    expect(errors.date).toBe('活动开始须晚于报名开始');
    expect(errors.signupClosesTime).toBeUndefined();
  });

  it('still reports a deadline that was filled in and is wrong, on that deadline', () => {
    const { errors } = validateActivityDraft(filled({ signupClosesDate: '2026-11-20', signupClosesTime: '10:00' }));
    expect(errors.signupClosesTime).toBe('报名截止须晚于报名开始');
    expect(errors.date).toBeUndefined();
  });
});
