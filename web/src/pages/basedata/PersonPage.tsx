import { App, Button, Card, Col, Descriptions, Row, Space, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { basedataTabHref } from '../../app/pages';
import { useIsPhone } from '../../app/responsive';
import { can, useSession } from '../../app/session';
import { GroupTags, PersonTypeTag } from './bits';
import { ageOn, today } from './format';
import { announceWrite, type WriteOutcome } from './NewRecordDrawer';
import { PersonCases, ResidenceTimeline, RevealLogList } from './PersonSections';
import { RecordFormDrawer } from './RecordFormDrawer';
import { RecordPageFrame } from './RecordPageFrame';
import { RecordValues } from './RecordValues';
import { useFields } from './reference';
import { RevealableNumber, type RevealField } from './RevealableNumber';
import { useStrings, type StringKey } from './strings';
import { TagEditor } from './TagEditor';
import type { PersonDetail, Values } from './types';
import { useRecord } from './useRecord';
import { VisitList } from './VisitList';

/** Fields that describe a move (written with an address, shown as the residence history), not values of the person. */
const movingFields = ['residence', 'moved_in'];

/** One person: who they are (numbers masked until revealed, with a reason), every value and its source, where they lived, visits, cases, and who looked. */
export function PersonPage({ id }: { id: string }) {
  const s = useStrings();
  const { user } = useSession();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const { record: person, failure, reload } = useRecord<PersonDetail>(`/basedata/people/${id}`);
  const fields = useFields('person', person?.gridCode, person !== null);
  const [revealed, setRevealed] = useState<Partial<Record<RevealField, string | null>>>({});
  const [reveals, setReveals] = useState(0);
  const [tags, setTags] = useState<string[] | null>(null);
  const [editing, setEditing] = useState(false);
  const onRevealed = useCallback((field: RevealField, value: string | null) => {
    setRevealed((old) => ({ ...old, [field]: value }));
    setReveals((n) => n + 1);
  }, []);
  const save = useCallback(async (values: Values) => {
    const out = await api<WriteOutcome>(`/basedata/people/${id}`, { method: 'PATCH', body: { version: person!.version, values } });
    announceWrite(message, s, out, false);
    setEditing(false);
    reload();
  }, [id, person, message, s, reload]);

  const back = { href: basedataTabHref('people'), label: s('backToPeople') };
  if (!person) return <RecordPageFrame back={back} loaded={false} failure={failure} testId="person-page" />;
  const p = person;
  const number = (field: RevealField, masked: string | null) => (
    <RevealableNumber personId={p.id} field={field} masked={masked} revealed={revealed[field] ?? undefined} onRevealed={onRevealed} />
  );
  const age = ageOn(p.birthDate, today());
  const mayWrite = can(user, 'basedata:write');
  const mayAudit = can(user, 'basedata:reveal') || can(user, 'audit:read');

  return (
    <RecordPageFrame back={back} loaded failure={null} testId="person-page">
      <Card size={phone ? 'small' : 'default'}>
        <Space wrap align="center" style={{ marginBottom: 12 }}>
          <Typography.Title level={phone ? 4 : 3} style={{ margin: 0 }} data-testid="person-name">{p.name}</Typography.Title>
          <PersonTypeTag type={p.personType} />
          <GroupTags codes={tags ?? p.tags} />
          {mayWrite && <TagEditor personId={p.id} codes={tags ?? p.tags} onSaved={setTags} />}
          {mayWrite && <Button size="small" onClick={() => setEditing(true)} data-testid="edit-person">{s('edit')}</Button>}
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 4 }} items={[
          { key: 'id', label: s('idNumber'), children: number('id_number', p.idMasked) },
          { key: 'phone', label: s('phone'), children: number('phone', p.phoneMasked) },
          { key: 'born', label: s('birthAge'), children: p.birthDate ? `${p.birthDate}${age === null ? '' : ` · ${s('ageN', { n: age })}`}${p.gender ? ` · ${s(`gender_${p.gender}` as StringKey)}` : ''}` : '—' },
          { key: 'where', label: s('address'), children: p.address ?? '—' },
          { key: 'grid', label: s('grid'), children: <span className="code">{p.gridCode}</span> },
        ]} />
      </Card>
      <Card size="small" title={s('values')}>
        {fields && <RecordValues fields={fields} values={p.values} provenance={p.provenance} testId="person-values" hide={movingFields}
          render={{ id_number: revealed.id_number ?? p.idMasked, phone: revealed.phone ?? p.phoneMasked ?? '—' }} />}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={s('residences')}><ResidenceTimeline residences={p.residences} /></Card>
            <Card size="small" title={s('cases')}><PersonCases cases={p.cases} /></Card>
          </Space>
        </Col>
        <Col xs={24} lg={12}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card size="small" title={s('visits')}><VisitList visits={p.visits} /></Card>
            {mayAudit && <Card size="small" title={s('reveals')}><RevealLogList personId={p.id} version={reveals} /></Card>}
          </Space>
        </Col>
      </Row>
      <RecordFormDrawer open={editing} title={s('editPerson')} fields={fields} mode="edit" initial={p.values} omit={['id_type', 'id_number']} masked={['phone']}
        onClose={() => setEditing(false)} onSubmit={save} onReload={reload} testId="person-form" />
    </RecordPageFrame>
  );
}
