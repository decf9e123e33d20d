import Taro from '@tarojs/taro';
import { Button, Cell, CellGroup } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { EmptyState, ErrorState, LoadingState, PageShell, StatusTag } from '../../components';
import { devLogin, listDemoAccounts, messageOf, setToken, type DemoAccount } from '../../services';
import { forgetCurrentUser } from '../../lib/currentUser';
import { startElderlyMode } from '../../lib/elderlyMode';
import { ROUTES } from '../../lib/routes';

type AccountsState = { status: 'loading' } | { status: 'ready'; accounts: DemoAccount[] } | { status: 'error'; error: unknown };

/**
 * Local mode only: stands in for WeChat's silent identification by letting the visitor pick a demo
 * account (or a brand-new, unregistered identity) and keeping the gateway's token.
 */
const LoginPage = () => {
  const [state, setState] = useState<AccountsState>({ status: 'loading' });
  const [busy, setBusy] = useState(false);

  const load = useCallback(async () => {
    setState({ status: 'loading' });
    try {
      setState({ status: 'ready', accounts: await listDemoAccounts() });
    } catch (error) {
      setState({ status: 'error', error });
    }
  }, []);

  useEffect(() => {
    void load();
  }, [load]);

  const enter = async (body: { userId: string } | { newUser: true }, elderly: boolean) => {
    if (busy) return;
    setBusy(true);
    try {
      const { token } = await devLogin(body);
      setToken(token);
      forgetCurrentUser();
      startElderlyMode(elderly);
      void Taro.reLaunch({ url: ROUTES.home });
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' });
    } finally {
      setBusy(false);
    }
  };

  let body: ReactNode;
  if (state.status === 'loading') body = <LoadingState text="正在读取演示账号…" />;
  else if (state.status === 'error') body = <ErrorState error={state.error} onRetry={() => void load()} />;
  else if (state.accounts.length === 0)
    // LINLI_SEED=none: a fresh deployment. The first person sets it up with the setup code.
    body = (
      <EmptyState
        title="没有演示账号"
        description="这是一套全新的部署：点下方“以新微信用户身份体验”，在注册页输入初始化码（见 npm start 的输出）成为街道管理员；工作人员用邀请码加入。"
      />
    );
  else
    body = (
      <CellGroup title="选择一个演示账号">
        {state.accounts.map((account) => (
          <Cell
            key={account.id}
            title={
              <View className="card__title">
                <Text>{account.name}</Text>
                <StatusTag text={account.roleLabel} tone={account.role === 'resident' ? 'muted' : 'brand'} />
                {account.elderly ? <StatusTag text="长辈" tone="warning" /> : null}
              </View>
            }
            description={account.communityName}
            extra={
              <Button type="primary" size="small" disabled={busy} onClick={() => void enter({ userId: account.id }, account.elderly)}>
                登录
              </Button>
            }
          />
        ))}
      </CellGroup>
    );

  return (
    <PageShell requireLogin={false}>
      <View className="card">
        <View className="card__title">本地体验模式</View>
        <Text className="muted">在微信中会自动识别身份；在浏览器里请选择一个演示账号登录。</Text>
      </View>
      {body}
      <View className="actions actions--stacked">
        <Button type="default" block disabled={busy} onClick={() => void enter({ newUser: true }, false)}>
          以新微信用户身份体验
        </Button>
      </View>
    </PageShell>
  );
};

export default LoginPage;
