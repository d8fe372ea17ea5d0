import { App, Button, Card, Empty, List, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from '../../../api/client';
import { useIsPhone } from '../../../app/responsive';
import { useStrings } from '../strings';
import type { Building } from '../types';
import { BuildingView } from './BuildingView';
import { EstateList } from './EstateList';
import { housingHref, housingSelection } from './selection';

/**
 * 房屋: estates (小区/街路巷) of the jurisdiction → their buildings → the building's dwellings by unit
 * and room. Side by side on a desk, one step at a time on a phone. The building picked stays in the
 * hash, so the way back from a dwelling lands on it again.
 */
export function HousingTab() {
  const s = useStrings();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const fail = useCallback((e: unknown) => void message.error(errorText(e)), [message]);
  const [estate, setEstate] = useState<{ id: string; name: string | null } | null>(null);
  const [building, setBuilding] = useState<string | null>(() => housingSelection().building);
  const [buildings, setBuildings] = useState<Building[] | null>(null);

  // a building from the hash: find its estate to show its siblings
  useEffect(() => {
    if (building && !estate) api<Building>(`/basedata/buildings/${building}`).then((b) => setEstate({ id: b.estateId, name: null })).catch(() => undefined);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    let live = true;
    setBuildings(null);
    if (estate) api<{ items: Building[] }>(`/basedata/buildings?estate=${estate.id}`).then((r) => live && setBuildings(r.items)).catch(fail);
    return () => void (live = false);
  }, [estate?.id, fail]); // eslint-disable-line react-hooks/exhaustive-deps
  const pickBuilding = (id: string | null) => {
    setBuilding(id);
    window.history.replaceState(null, '', housingHref(id));
  };

  const estates = <EstateList selected={estate?.id ?? null} onError={fail} onPick={(e) => { setEstate({ id: e.id, name: e.name }); pickBuilding(null); }} />;
  const buildingList = estate && (
    <List<Building> size="small" loading={buildings === null} dataSource={buildings ?? []} locale={{ emptyText: s('noBuildings') }} data-testid="building-list"
      renderItem={(b) => (
        <List.Item onClick={() => pickBuilding(b.id)} data-testid="building-item"
          style={{ cursor: 'pointer', padding: '8px 10px', borderRadius: 4, background: b.id === building ? '#fff1f0' : undefined }}>
          <Typography.Text strong={b.id === building}>{b.name}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{[b.floors ? s('floorsN', { n: b.floors }) : null, s('dwellingsN', { n: b.dwellings })].filter(Boolean).join(' · ')}</Typography.Text>
        </List.Item>
      )} />
  );
  const view = building ? <BuildingView id={building} onError={fail} /> : <Empty style={{ marginTop: 60 }} description={estate ? s('pickBuilding') : s('pickEstate')} />;

  if (phone) {
    const back = (label: string, onClick: () => void) => <Button type="link" style={{ padding: 0, marginBottom: 8 }} onClick={onClick}>← {label}</Button>;
    if (building) return <div style={{ overflow: 'auto' }}>{back(estate?.name ?? s('buildings'), () => pickBuilding(null))}{view}</div>;
    if (estate) return <div style={{ overflow: 'auto' }}>{back(s('estates'), () => setEstate(null))}<Card size="small" title={estate.name ?? s('buildings')}>{buildingList}</Card></div>;
    return <div style={{ flex: 1, minHeight: 0 }}>{estates}</div>;
  }
  return (
    <div style={{ flex: 1, minHeight: 0, display: 'flex', gap: 16 }} data-testid="housing">
      <Card size="small" title={s('estates')} style={{ width: 280, flex: 'none', display: 'flex', flexDirection: 'column' }} styles={{ body: { flex: 1, minHeight: 0 } }}>{estates}</Card>
      <Card size="small" title={estate?.name ?? s('buildings')} style={{ width: 220, flex: 'none', overflow: 'auto' }}>
        {buildingList ?? <Typography.Text type="secondary">{s('pickEstate')}</Typography.Text>}
      </Card>
      <div style={{ flex: 1, minWidth: 0, overflow: 'auto' }}>{view}</div>
    </div>
  );
}
