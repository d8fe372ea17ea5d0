import { Card, Descriptions, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { useIsPhone } from '../../../app/responsive';
import { useStrings } from '../strings';
import type { BuildingDetail } from '../types';
import { BuildingUnits, UsageLegend } from './BuildingUnits';

/** One building: where it is, its size, and its dwellings by unit and room. */
export function BuildingView({ id, onError }: { id: string; onError(e: unknown): void }) {
  const s = useStrings();
  const phone = useIsPhone();
  const [building, setBuilding] = useState<BuildingDetail | null>(null);
  useEffect(() => {
    let live = true;
    setBuilding(null);
    api<BuildingDetail>(`/basedata/buildings/${id}`).then((b) => live && setBuilding(b)).catch(onError);
    return () => void (live = false);
  }, [id]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!building) return <Spin style={{ display: 'block', marginTop: 40 }} />;
  const residents = building.units.reduce((n, d) => n + d.residents, 0);
  return (
    <Card size="small" title={building.name} extra={!phone && <UsageLegend />} data-testid="building-view">
      <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} style={{ marginBottom: 12 }} items={[
        { key: 'address', label: s('address'), children: building.address },
        { key: 'size', label: s('buildingSize'), children: [building.floors ? s('floorsN', { n: building.floors }) : null, s('dwellingsN', { n: building.units.length }), s('residentsN', { n: residents })].filter(Boolean).join(' · ') },
        { key: 'grid', label: s('grid'), children: <span className="code">{building.gridCode}</span> },
      ]} />
      {phone && <div style={{ marginBottom: 8 }}><UsageLegend /></div>}
      <BuildingUnits dwellings={building.units} />
    </Card>
  );
}
