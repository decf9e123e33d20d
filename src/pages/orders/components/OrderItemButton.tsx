import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { View } from '@tarojs/components';
import { useEffect } from 'react';
import type { ServiceItem } from '../../../../types/menu';
import { isStaffUser, useCurrentUser } from '../../../lib/currentUser';
import { quotaUsedUp } from './quota';
import { ROUTES } from '../../../lib/routes';

/** The service page's one primary action: 我要点单 (staff order for a resident through 代点单). */
export const OrderItemButton = ({ item }: { item: Pick<ServiceItem, '_id' | 'status' | 'monthlyQuota' | 'quotaLeft'> }) => {
  const { state, reload } = useCurrentUser();
  // Mounted once the item has loaded, after the page's onShow: ask who is looking now.
  useEffect(() => {
    void reload();
  }, [reload]);
  if (item.status !== 'published') return null;
  // Said before anyone fills the form in: nothing to order until next month.
  if (quotaUsedUp(item)) {
    return (
      <View className="sticky-actions">
        <Button type="default" block size="large" disabled>
          本月名额已用完
        </Button>
      </View>
    );
  }
  const staff = isStaffUser(state);
  return (
    <View className="sticky-actions">
      <Button
        type="primary"
        block
        size="large"
        onClick={() => void Taro.navigateTo({ url: staff ? ROUTES.proxyOrder : ROUTES.orderForm(item._id) })}
      >
        {staff ? '代居民点单' : '我要点单'}
      </Button>
    </View>
  );
};
