import Taro, { useRouter } from '@tarojs/taro';
import { PageShell } from '../../../../components';
import { ResidentPicker } from '../../../../components/ResidentPicker';
import { ROUTES } from '../../../../lib/routes';

/** 代报名, step one: the resident; the sign-up form then runs on their behalf (`onBehalfOf`). */
const ProxySignUpPage = () => {
  const { params } = useRouter();
  const activityId = params.id ? decodeURIComponent(params.id) : '';
  return (
    <PageShell>
      <ResidentPicker
        purpose="代报名"
        onPick={(resident) => void Taro.redirectTo({ url: ROUTES.activitySignUp(activityId, { id: resident._id, name: resident.name }) })}
      />
    </PageShell>
  );
};

export default ProxySignUpPage;
