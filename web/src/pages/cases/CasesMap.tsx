import { openCaseStates } from '@gongzhi/contracts';
import { App, Card, Segmented, Space } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../../api/client';
import { useI18n, type MessageKey } from '../../app/i18n';
import { caseHref, navigate } from '../../app/pages';
import { GovMap, type CasePointCollection } from '../../components/map/GovMap';
import { useDistrictOutline } from './bits';
import { stateMapColour } from './format';

type MapState = 'open' | 'closed' | 'overdue' | 'all';

/** The case layer on the map (GET /cases/map), coloured by state; a click opens the case. */
export function CasesMap() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [state, setState] = useState<MapState>('open');
  const [cases, setCases] = useState<CasePointCollection | null>(null);
  const outline = useDistrictOutline();
  useEffect(() => {
    let live = true;
    api<CasePointCollection>(`/cases/map?state=${state}`).then((c) => live && setCases(c)).catch((e: unknown) => void message.error(errorText(e)));
    return () => void (live = false);
  }, [state, message]);
  const legend = [...openCaseStates, 'closed'] as const;
  return (
    <div style={{ position: 'relative', flex: 1, minHeight: 400 }} data-testid="cases-map">
      <GovMap county={outline.county} streets={outline.streets} focus={outline.county} cases={cases} stateColours={stateMapColour}
        onPickCase={(id) => navigate(caseHref(id))} />
      <Card size="small" style={{ position: 'absolute', zIndex: 2, top: 10, left: 12 }}>
        <Space direction="vertical" size={6}>
          <Segmented size="small" value={state} onChange={(v) => setState(v as MapState)}
            options={(['open', 'overdue', 'closed', 'all'] as const).map((s) => ({ value: s, label: t(`map_${s}`) }))} />
          <Space wrap size={[10, 2]} style={{ maxWidth: 280, fontSize: 12 }}>
            {legend.map((s) => (
              <span key={s}><span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, background: stateMapColour[s], marginRight: 4 }} />{t(`state_${s}` as MessageKey)}</span>
            ))}
            <span><span style={{ display: 'inline-block', width: 10, height: 10, borderRadius: 5, border: '2px solid #f5222d', marginRight: 4, boxSizing: 'border-box' }} />{t('overdue')}</span>
          </Space>
          <span style={{ fontSize: 12, color: '#888' }}>{t('casesTotal', { n: cases?.features.length ?? 0 })}</span>
        </Space>
      </Card>
    </div>
  );
}
