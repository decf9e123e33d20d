/** Every page's URL in one place, so a moved page breaks the build rather than a tap. */
export const ROUTES = {
  home: '/pages/index/index',
  menu: '/pages/menu/index',
  menuItem: (itemId: string) => `/pages/menu/item?id=${encodeURIComponent(itemId)}`,
  register: '/pages/register/index',
  mine: '/pages/mine/index',
  /** h5 (local mode) only. */
  login: '/pages/login/index',
  staffItems: '/packages/staff/pages/items/index',
  staffItemEditor: (itemId?: string) =>
    itemId ? `/packages/staff/pages/item-edit/index?id=${encodeURIComponent(itemId)}` : '/packages/staff/pages/item-edit/index',
  staffMembers: '/packages/staff/pages/members/index',
  memberCard: '/packages/member/pages/card/index',
} as const;
