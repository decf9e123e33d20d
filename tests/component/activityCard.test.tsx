import { render } from '@testing-library/react';
import type { ActivityView } from '../../types/activities';
import { ActivityCard } from '../../src/pages/activities/components/ActivityCard';

const ACTIVITY = {
  _id: 'a1',
  title: '四点半课堂·手工课',
  category: 'after_school',
  place: '社区党群服务中心',
  startAt: Date.parse('2026-12-03T16:30:00+08:00'),
  endAt: Date.parse('2026-12-03T18:00:00+08:00'),
  capacity: 10,
  confirmedCount: 0,
  placesLeft: 10,
  ageMin: 6,
  ageMax: 12,
  waitlist: true,
  signupPhase: 'open',
} as ActivityView;

describe('activity card', () => {
  it('shows the sign-up phase of a published menu’s activity', () => {
    const { container } = render(<ActivityCard activity={ACTIVITY} />);
    expect(container.textContent).toContain('报名中');
  });

  it('never says 报名中 for an activity of a draft menu (issue 13 bug 4)', () => {
    const { container } = render(<ActivityCard activity={ACTIVITY} unpublished />);
    expect(container.textContent).not.toContain('报名中');
    expect(container.textContent).toContain('菜单未发布');
  });
});
