import { App, Button, Card, Col, Descriptions, Row, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { personHref } from '../../app/pages';
import { useIsPhone } from '../../app/responsive';
import { can, useSession } from '../../app/session';
import { ExportTableButton } from '../../components/table/ExportTableButton';
import type { ExportColumn } from '../../components/table/tableText';
import { PersonTypeTag, UsageTag } from './bits';
import { LandlordPicker } from './housing/LandlordPicker';
import { housingHref } from './housing/selection';
import { announceWrite, type WriteOutcome } from './NewRecordDrawer';
import { RecordFormDrawer } from './RecordFormDrawer';
import { RecordPageFrame } from './RecordPageFrame';
import { RecordValues } from './RecordValues';
import { useFields } from './reference';
import { useStrings, type StringKey } from './strings';
import type { DwellingDetail, Values } from './types';
import { useRecord } from './useRecord';
import { VisitList } from './VisitList';

type Occupant = DwellingDetail['occupants'][number];

/** One dwelling (以房管人): its address and use, landlord and lease, who lives there now and who did before, and the visits. */
export function DwellingPage({ id }: { id: string }) {
  const s = useStrings();
  const { user } = useSession();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const { record: dwelling, failure, reload } = useRecord<DwellingDetail>(`/basedata/dwellings/${id}`);
  const fields = useFields('dwelling', dwelling?.gridCode, dwelling !== null);
  const [editing, setEditing] = useState(false);
  const save = useCallback(async (values: Values) => {
    const out = await api<WriteOutcome>(`/basedata/dwellings/${id}`, { method: 'PATCH', body: { version: dwelling!.version, values } });
    announceWrite(message, s, out, false);
    setEditing(false);
    reload();
  }, [id, dwelling, message, s, reload]);

  const back = { href: housingHref(dwelling?.buildingId ?? null), label: s('backToHousing') };
  if (!dwelling) return <RecordPageFrame back={back} loaded={false} failure={failure} testId="dwelling-page" />;
  const d = dwelling;
  const now = d.occupants.filter((o) => o.movedOut === null);
  const before = d.occupants.filter((o) => o.movedOut !== null);
  const mayWrite = can(user, 'basedata:write');
  const occupantCard = (which: 'now' | 'before', rows: Occupant[]) => {
    const columns: ExportColumn<Occupant>[] = [
      { title: s('name'), dataIndex: 'name', render: (n: string, o) => <a href={personHref(o.personId)}>{n}</a> },
      // the tag draws its text from the type code itself, so the cell holds none
      { title: s('personType'), width: 100, exportValue: (o) => s(`person_type_${o.personType}` as StringKey), render: (_, o) => <PersonTypeTag type={o.personType} /> },
      { title: s('relation'), width: 90, render: (_, o) => <Tag style={{ marginInlineEnd: 0 }}>{s(`residence_${o.relation}` as StringKey)}</Tag> },
      { title: s('movedInCol'), dataIndex: 'movedIn', width: 110 },
      ...(which === 'before' ? [{ title: s('movedOutCol'), dataIndex: 'movedOut', width: 110 }] : []),
    ];
    const [title, sheet] = which === 'now' ? (['occupantsNow', 'occupantsNowSheet'] as const) : (['occupantsBefore', 'occupantsBeforeSheet'] as const);
    return (
      <Card size="small" title={s(title, { n: rows.length })}
        extra={<ExportTableButton title={s(sheet)} note={d.address} columns={columns} rows={rows} testId={`export-occupants-${which}`} />}>
        <Table<Occupant> size="small" rowKey={(o) => `${o.personId}-${o.movedIn}`} dataSource={rows} pagination={false} data-testid={`occupants-${which}`} scroll={{ x: 480 }}
          locale={{ emptyText: s('noOccupants') }} columns={columns} />
      </Card>
    );
  };

  return (
    <RecordPageFrame back={back} loaded failure={null} testId="dwelling-page">
      <Card size={phone ? 'small' : 'default'}>
        <Space wrap align="center" style={{ marginBottom: 12 }}>
          <Typography.Title level={phone ? 5 : 4} style={{ margin: 0 }} data-testid="dwelling-address">{d.address}</Typography.Title>
          <UsageTag usage={d.usage} />
          {mayWrite && <Button size="small" onClick={() => setEditing(true)} data-testid="edit-dwelling">{s('edit')}</Button>}
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={[
          { key: 'area', label: s('area'), children: d.areaM2 === null ? '—' : `${d.areaM2} ㎡` },
          { key: 'landlord', label: s('landlord'), children: (
            <Space size={8}>
              {d.landlord ? <a href={personHref(d.landlord.id)} data-testid="landlord">{d.landlord.name}</a> : '—'}
              {mayWrite && <LandlordPicker dwellingId={d.id} version={d.version} current={d.landlord} onSaved={reload} />}
            </Space>
          ) },
          ...(d.usage === 'rented' ? [{ key: 'lease', label: s('lease'), children: d.leaseStart || d.leaseEnd ? `${d.leaseStart ?? '?'} — ${d.leaseEnd ?? '?'}` : '—' }] : []),
          { key: 'grid', label: s('grid'), children: <span className="code">{d.gridCode}</span> },
        ]} />
      </Card>
      <Card size="small" title={s('values')}>{fields && <RecordValues fields={fields} values={d.values} provenance={d.provenance} testId="dwelling-values" />}</Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            {occupantCard('now', now)}
            {occupantCard('before', before)}
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={s('visits')}><VisitList visits={d.visits} /></Card>
        </Col>
      </Row>
      <RecordFormDrawer open={editing} title={s('editDwelling')} fields={fields} mode="edit" initial={d.values} omit={['address_code']}
        onClose={() => setEditing(false)} onSubmit={save} onReload={reload} testId="dwelling-form" />
    </RecordPageFrame>
  );
}
