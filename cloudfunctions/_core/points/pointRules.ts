/** Default points per event (PRODUCT.md); a community may override any of them. */
export const DEFAULT_POINT_RULES = {
  orderCompleted: 10,
  rating5: 5,
  rating4: 3,
  wishConfirmed: 15,
  activityServed: 5,
} as const;

export type PointRules = { -readonly [K in keyof typeof DEFAULT_POINT_RULES]: number };

export const pointRulesOf = (community: { pointRules?: Partial<PointRules> } | null): PointRules => ({
  ...DEFAULT_POINT_RULES,
  ...(community?.pointRules ?? {}),
});

/** Star level from the calendar year's points: ★1 from 0, ★2 from 30, ★3 from 80, ★4 from 150, ★5 from 300. */
export const STAR_THRESHOLDS = [0, 30, 80, 150, 300] as const;

export const starLevel = (yearPoints: number): number => {
  let level = 1;
  STAR_THRESHOLDS.forEach((threshold, index) => {
    if (yearPoints >= threshold) level = index + 1;
  });
  return level;
};

/** Points still needed for the next star, or null at ★5. */
export const pointsToNextStar = (yearPoints: number): number | null => {
  const next = STAR_THRESHOLDS.find((threshold) => threshold > yearPoints);
  return next === undefined ? null : next - yearPoints;
};
