import Taro from '@tarojs/taro';
import { Button } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { ApiCallError, clearToken, isUnregistered, messageOf } from '../../services';
import { RegisterInvite } from '../RegisterInvite';
import { ROUTES } from '../../lib/routes';

export interface ErrorStateProps {
  error: unknown;
  onRetry: () => void;
  /** A way forward other than retrying, e.g. 去注册 when the caller is not registered. */
  actionText?: string;
  onAction?: () => void;
}

/** In the browser an expired or missing session is fixed by logging in again, not by retrying. */
const needsRelogin = (error: unknown) =>
  process.env.TARO_ENV === 'h5' && error instanceof ApiCallError && error.code === 'UNAUTHENTICATED';

const relogin = () => {
  clearToken();
  void Taro.reLaunch({ url: ROUTES.login });
};

export const ErrorState = ({ error, onRetry, actionText, onAction }: ErrorStateProps) =>
  isUnregistered(error) ? (
    <RegisterInvite />
  ) : (
  <View className="state state--error">
    <Text className="state__title">加载失败</Text>
    <Text className="state__text">{messageOf(error)}</Text>
    <View className="state__action">
      {needsRelogin(error) ? (
        <Button type="primary" onClick={relogin}>
          重新登录
        </Button>
      ) : actionText && onAction ? (
        <Button type="primary" onClick={onAction}>
          {actionText}
        </Button>
      ) : null}
      <Button type="default" onClick={onRetry}>
        重新加载
      </Button>
    </View>
  </View>
  );
