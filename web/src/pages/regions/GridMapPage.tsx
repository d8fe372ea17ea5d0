import type { ArealGeometry, GridDetail } from '@gongzhi/contracts';
import { App, Breadcrumb, Button, Card, Input, Layout, Modal, Space, Typography } from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useSession } from '../../app/session';
import { api } from '../../api/client';
import { GovMap, type Layer } from '../../components/map/GovMap';
import { GridEditor, type EditorState } from './GridEditor';
import { GridPanel } from './GridPanel';
import { GridTable } from './GridTable';
import { RegionPanel } from './RegionPanel';
import { RegionTree } from './RegionTree';
import { nothingSelected, selectionFor, type Selection } from './selection';
import { StaffDialog } from './StaffDialog';
import { useRegionData } from './useRegionData';

/** 网格地图: the region tree, the map with drill-down, the selection's panel and the grid table. */
export function GridMapPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const [selection, setSelection] = useState<Selection>(() => selectionFor(user!.scopeCode));
  const onError = useCallback((e: unknown) => void message.error(e instanceof Error ? e.message : String(e)), [message]);
  const data = useRegionData(selection, onError);
  const [tableVersion, setTableVersion] = useState(0);
  const [editor, setEditor] = useState<EditorState | null>(null);
  const [drawing, setDrawing] = useState(false);
  const [draft, setDraft] = useState<[number, number][] | null>(null);
  const [staffFor, setStaffFor] = useState<GridDetail | null>(null);

  const pick = useCallback((code: string) => setSelection(selectionFor(code)), []);
  const onPick = useCallback((_layer: Layer, code: string) => pick(code), [pick]);
  const focus = useMemo(() => {
    // a grid worker's view is their grid; everyone else keeps the community in view while picking grids
    const ownGrid = user!.scopeCode.length === 15 && data.grids?.features.find((f) => f.properties.code === user!.scopeCode);
    if (ownGrid) return { type: 'FeatureCollection' as const, features: [ownGrid] };
    const target = selection.community ?? selection.street;
    const source = selection.community ? data.communities : data.streets;
    const feature = target && source?.features.find((f) => f.properties.code === target);
    return feature ? { type: 'FeatureCollection' as const, features: [feature] } : data.county;
  }, [selection.community, selection.street, data.communities, data.streets, data.county, data.grids, user]);

  const reloadAll = () => {
    data.reload();
    setTableVersion((v) => v + 1);
  };
  const refresh = (grid: GridDetail) => {
    reloadAll();
    pick(grid.code);
  };
  const startDrawing = () => {
    setDraft([]);
    setDrawing(true);
  };
  const finishDrawing = (polygon: ArealGeometry) => {
    setDrawing(false);
    setDraft(null);
    setEditor((e) => (e ? { ...e, geometry: polygon } : e));
  };
  const retire = (grid: GridDetail) => {
    let reason = '';
    Modal.confirm({
      title: `${t('retire')} ${grid.code}`,
      content: <Input placeholder={t('retireReason')} onChange={(e) => (reason = e.target.value)} />,
      onOk: async () => refresh(await api<GridDetail>(`/grids/${grid.code}/retire`, { method: 'POST', body: { reason } }).catch((e) => { onError(e); throw e; })),
    });
  };

  const crumbs = [
    { code: data.tree?.code ?? '', name: data.tree?.name ?? '' },
    ...(selection.street ? [{ code: selection.street, name: data.tree?.children.find((s) => s.code === selection.street)?.name ?? selection.street }] : []),
    ...(selection.community ? [{ code: selection.community, name: data.regionDetail?.code === selection.community ? data.regionDetail.name : selection.community }] : []),
    ...(selection.grid ? [{ code: selection.grid, name: data.gridDetail?.name ?? selection.grid }] : []),
  ];

  return (
    <Layout style={{ height: '100%' }}>
      <Layout>
        <Layout.Sider width={260} theme="light" style={{ borderRight: '1px solid #eee', overflow: 'auto', padding: 8 }}>
          <Typography.Text strong>{t('regions')}</Typography.Text>
          {data.tree && <RegionTree root={data.tree} selected={selection.community ?? selection.street} onPick={pick} />}
        </Layout.Sider>
        <Layout.Content style={{ position: 'relative' }}>
          <Breadcrumb style={{ position: 'absolute', zIndex: 2, top: 10, left: 12, background: 'rgba(255,255,255,0.92)', padding: '4px 10px', borderRadius: 4 }}
            items={crumbs.map((c, i) => ({ title: i < crumbs.length - 1 ? <a onClick={() => (i === 0 ? setSelection(nothingSelected) : pick(c.code))}>{c.name}</a> : c.name }))} />
          <GovMap county={data.county} streets={data.streets} communities={data.communities} grids={data.grids} selectedGrid={selection.grid} focus={focus}
            onPick={onPick} drawing={drawing} draft={draft} onDraftChange={setDraft} onDrawn={finishDrawing} />
          {drawing && editor && (
            <Card size="small" data-testid="draw-toolbar" style={{ position: 'absolute', zIndex: 3, bottom: 24, left: '50%', transform: 'translateX(-50%)' }}>
              <Space>
                {t('drawHint')}
                <Button type="primary" disabled={(draft?.length ?? 0) < 3} onClick={() => finishDrawing({ type: 'Polygon', coordinates: [[...draft!, draft![0]!]] })}>{t('finish')}</Button>
                <Button onClick={() => { setDrawing(false); setDraft(null); }}>{t('cancel')}</Button>
              </Space>
            </Card>
          )}
        </Layout.Content>
        <Layout.Sider width={400} theme="light" style={{ borderLeft: '1px solid #eee', overflow: 'auto', padding: 12 }}>
          <Space direction="vertical" style={{ width: '100%' }} size="middle">
            {data.gridDetail ? (
              <GridPanel grid={data.gridDetail} onEdit={() => setEditor({ communityCode: data.gridDetail!.communityCode, grid: data.gridDetail, geometry: null })}
                onRetire={() => retire(data.gridDetail!)} onStaff={() => setStaffFor(data.gridDetail)} />
            ) : data.regionDetail ? (
              <RegionPanel region={data.regionDetail} onNewGrid={() => setEditor({ communityCode: data.regionDetail!.code, grid: null, geometry: null })}
                onChanged={reloadAll} />
            ) : (
              <Typography.Text type="secondary">{t('selectHint')}</Typography.Text>
            )}
            <GridTable region={selection.community ?? selection.street} selected={selection.grid} version={tableVersion} onPick={pick} onError={onError} />
          </Space>
        </Layout.Sider>
      </Layout>
      {editor && (
        <GridEditor state={editor} open={!drawing} onDraw={startDrawing} onGeometry={(g) => setEditor({ ...editor, geometry: g })}
          onClose={() => setEditor(null)} onSaved={(g) => { setEditor(null); refresh(g); }} />
      )}
      {staffFor && <StaffDialog grid={staffFor} onClose={() => setStaffFor(null)} onSaved={(g) => { setStaffFor(null); refresh(g); }} />}
    </Layout>
  );
}
