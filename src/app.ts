import Taro from '@tarojs/taro';
import type { PropsWithChildren } from 'react';
import { CLOUD_ENV } from './services/cloudConfig';
import './app.scss';

// Once per launch, before any page calls a function. Taro.cloud is only real inside WeChat.
if (process.env.TARO_ENV === 'weapp' && Taro.cloud) {
  Taro.cloud.init(CLOUD_ENV ? { env: CLOUD_ENV, traceUser: true } : { traceUser: true });
}

const App = ({ children }: PropsWithChildren) => children;

export default App;
