import type { CaseListItem, CaseState, FeatureCollection, LikelyDuplicate } from '@gongzhi/contracts';
import { Space, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useI18n, type MessageKey } from '../../app/i18n';
import { caseHref, navigate } from '../../app/pages';
import { stateTagColour } from './format';

/** 待受理, 处置中, 已结案 … as a coloured tag; an overdue case gets a red 已超期 beside it. */
export function StateTag({ state, overdue, testId }: { state: CaseState; overdue?: boolean; testId?: string }) {
  const { t } = useI18n();
  return (
    <Space size={4}>
      <Tag color={stateTagColour[state]} data-testid={testId} style={{ marginInlineEnd: 0 }}>{t(`state_${state}` as MessageKey)}</Tag>
      {overdue && <Tag color="red" style={{ marginInlineEnd: 0 }}>{t('overdue')}</Tag>}
    </Space>
  );
}

/**
 * 疑似重复: a new report that likely repeats an open case; a click opens that case (where the dispatcher
 * may merge). The other case's number is in the tooltip: a list's number column has no room for two.
 */
export function DuplicateTag({ of }: { of: LikelyDuplicate }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t('likelyDuplicateHint', { number: of.number, m: of.distanceM })}>
      <Tag color="orange" data-testid="likely-duplicate" style={{ marginInlineStart: 6, cursor: 'pointer' }}
        onClick={(e) => { e.stopPropagation(); navigate(caseHref(of.id)); }}>
        {t('likelyDuplicate')}
      </Tag>
    </Tooltip>
  );
}

/** 智能建议: the classifier's reading of a report (人机协同), its label and confidence; the unit in the tooltip. */
export function ReadingTag({ reading }: { reading: NonNullable<CaseListItem['reading']> }) {
  const { t } = useI18n();
  return (
    <Tooltip title={t('readingHint', { label: reading.label, unit: reading.unitName ?? '—', c: reading.confidence.toFixed(2) })}>
      <Typography.Text ellipsis data-testid="reading">{reading.label} <span className="code">{reading.confidence.toFixed(2)}</span></Typography.Text>
    </Tooltip>
  );
}

type FC = FeatureCollection<{ code: string; name: string }>;

/** Map context without tiles: the outline of my district and its streets (best effort; a map without them still works). */
export function useDistrictOutline() {
  const [county, setCounty] = useState<FC | null>(null);
  const [streets, setStreets] = useState<FC | null>(null);
  useEffect(() => {
    let live = true;
    api<{ root: { code: string } }>('/regions/tree')
      .then(async ({ root }) => {
        const [b, c] = await Promise.all([api<FC>(`/regions/${root.code}/boundary.geojson`), api<FC>(`/regions/${root.code}/children.geojson`)]);
        if (live) {
          setCounty(b);
          setStreets(c);
        }
      })
      .catch(() => undefined);
    return () => void (live = false);
  }, []);
  return { county, streets };
}

/** The communities of a street and the grids of a community, to put a pin in context. */
export function useSurroundings(streetCode: string | null, communityCode: string | null, withGrids: boolean) {
  const [communities, setCommunities] = useState<FC | null>(null);
  const [grids, setGrids] = useState<FC | null>(null);
  useEffect(() => {
    let live = true;
    if (streetCode) api<FC>(`/regions/${streetCode}/children.geojson`).then((c) => live && setCommunities(c)).catch(() => undefined);
    return () => void (live = false);
  }, [streetCode]);
  useEffect(() => {
    let live = true;
    if (communityCode && withGrids) api<FC>(`/grids/geojson?region=${communityCode}`).then((g) => live && setGrids(g)).catch(() => undefined);
    return () => void (live = false);
  }, [communityCode, withGrids]);
  return { communities, grids };
}
