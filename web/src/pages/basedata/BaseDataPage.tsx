import type { SessionUser } from '@gongzhi/contracts';
import { Tabs } from 'antd';
import type { ReactNode } from 'react';
import { basedataTabHref, navigate } from '../../app/pages';
import { useIsPhone } from '../../app/responsive';
import { can, useSession } from '../../app/session';
import { DiscrepanciesTab } from './discrepancies/DiscrepanciesTab';
import { HousingTab } from './housing/HousingTab';
import { ImportsTab } from './imports/ImportsTab';
import { MapTab } from './map/MapTab';
import { OrganisationsTab } from './OrganisationsTab';
import { PeopleTab } from './PeopleTab';
import { useStrings, type StringKey } from './strings';

type Tab = 'people' | 'housing' | 'organisations' | 'map' | 'discrepancies' | 'imports';

/** The tabs a user sees: the four views of the data for everyone who may read it, the data administrator's work after them. */
export function tabsFor(user: SessionUser | null): Tab[] {
  return [
    'people', 'housing', 'organisations', 'map',
    ...(can(user, 'basedata:resolve') ? (['discrepancies'] as const) : []),
    ...(can(user, 'basedata:import') ? (['imports'] as const) : []),
  ];
}

const screens: Record<Tab, () => ReactNode> = {
  people: () => <PeopleTab />,
  housing: () => <HousingTab />,
  organisations: () => <OrganisationsTab />,
  map: () => <MapTab />,
  discrepancies: () => <DiscrepanciesTab />,
  imports: () => <ImportsTab />,
};

/** 人房企: people, housing, organisations and their map; the tab lives in the hash (#/basedata/<tab>). */
export function BaseDataPage({ tab }: { tab: string | null }) {
  const s = useStrings();
  const { user } = useSession();
  const phone = useIsPhone();
  const tabs = tabsFor(user);
  const current = tabs.find((x) => x === tab) ?? 'people';
  const fill = current === 'map' || current === 'housing';
  return (
    <div style={{ height: '100%', display: 'flex', flexDirection: 'column', padding: phone ? '0 8px 8px' : '4px 16px 16px', boxSizing: 'border-box', background: phone ? '#f5f6f8' : undefined }}
      data-testid="basedata-page">
      <Tabs activeKey={current} onChange={(k) => navigate(basedataTabHref(k))} items={tabs.map((k) => ({ key: k, label: s(`tab_${k}` as StringKey) }))}
        style={{ flex: 'none' }} tabBarStyle={{ marginBottom: phone ? 8 : 12 }} />
      <div style={{ flex: 1, minHeight: 0, overflow: fill ? 'hidden' : 'auto', display: 'flex', flexDirection: 'column' }}>
        {screens[current]()}
      </div>
    </div>
  );
}
