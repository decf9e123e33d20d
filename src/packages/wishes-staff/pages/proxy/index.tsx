import Taro from '@tarojs/taro';
import { useState } from 'react';
import type { UserSummary } from '../../../../../types/users';
import { PageShell } from '../../../../components';
import { ChosenResident, ResidentPicker } from '../../../../components/ResidentPicker';
import { ROUTES } from '../../../../lib/routes';
import { WishForm } from '../../../../pages/wishes/components/WishForm';
import '../../../../pages/wishes/wishes.scss';

/** 代发心愿: staff pick a resident, then fill the same form, posted with `onBehalfOf`. */
const ProxyWishPage = () => {
  const [chosen, setChosen] = useState<UserSummary | null>(null);
  if (!chosen) {
    return (
      <PageShell>
        <ResidentPicker purpose="代发心愿" onPick={setChosen} />
      </PageShell>
    );
  }
  return (
    <PageShell>
      <ChosenResident resident={chosen} purpose="代发心愿" onChange={() => setChosen(null)} />
      <WishForm
        key={chosen._id}
        onBehalfOf={{ id: chosen._id, name: chosen.name }}
        initialBeneficiaryType={chosen.elderly ? 'elderly' : undefined}
        onPosted={(wish) => void Taro.redirectTo({ url: ROUTES.wishDetail(wish._id) })}
      />
    </PageShell>
  );
};

export default ProxyWishPage;
