import type { PersonListItem } from '@gongzhi/contracts';
import { Alert, Button, Card, Empty, Form, Input, List, Space, Typography } from 'antd';
import { useState } from 'react';
import { api, errorText, newUuid } from '../../api/client';
import { PersonTypeTag } from '../basedata/bits';
import type { OutboxEntry } from './outbox';
import { useRecentPeople, type RecentPerson } from './recentPeople';
import { useCollectText } from './strings';
import { usePosition } from './usePosition';

interface Props {
  userId: string;
  online: boolean;
  /** False when the phone could not keep it (storage full): the form keeps the values. */
  onSave(entry: Pick<OutboxEntry, 'id' | 'kind' | 'label' | 'body'>): boolean;
}

/** 走访登记: find a person of the grid, note the visit, with the phone's position when it gives one. */
export function VisitForm({ userId, online, onSave }: Props) {
  const tc = useCollectText();
  const [form] = Form.useForm<{ notes: string }>();
  const [results, setResults] = useState<PersonListItem[] | null>(null);
  const [searching, setSearching] = useState(false);
  const [searchError, setSearchError] = useState<string | null>(null);
  const [person, setPerson] = useState<RecentPerson | null>(null);
  const recent = useRecentPeople(userId);
  const position = usePosition();

  const search = async (q: string) => {
    if (!q.trim()) return setResults(null);
    setSearching(true);
    setSearchError(null);
    try {
      const r = await api<{ items: PersonListItem[] }>(`/basedata/people?q=${encodeURIComponent(q.trim())}&pageSize=10`);
      setResults(r.items);
    } catch (e) {
      setSearchError(online ? errorText(e) : tc('searchOffline'));
    } finally {
      setSearching(false);
    }
  };

  const pick = (p: RecentPerson) => {
    setPerson(p);
    recent.remember(p);
    setResults(null);
  };

  const submit = ({ notes }: { notes: string }) => {
    if (!person) return;
    const id = newUuid();
    const at = position.point;
    const kept = onSave({
      id,
      kind: 'visit',
      label: person.name,
      body: { id, targetType: 'person', targetId: person.id, visitedAt: new Date().toISOString(), lng: at?.lng ?? null, lat: at?.lat ?? null, notes: (notes ?? '').trim() },
    });
    if (!kept) return;
    form.resetFields();
    setPerson(null);
    position.clear();
  };

  const personRow = (p: RecentPerson) => (
    <List.Item key={p.id} onClick={() => pick(p)} style={{ cursor: 'pointer', paddingInline: 4 }} data-testid="visit-candidate"
      actions={[<Button key="pick" size="small" type="link">{tc('pick')}</Button>]}>
      <List.Item.Meta title={<Space size={6}>{p.name}<PersonTypeTag type={p.personType} /></Space>} description={<span className="code">{p.idMasked}</span>} />
    </List.Item>
  );

  if (!person) {
    return (
      <Space direction="vertical" style={{ width: '100%' }} size={12} data-testid="visit-search">
        <Input.Search placeholder={tc('searchPerson')} enterButton={tc('search')} loading={searching} onSearch={(q) => void search(q)} allowClear data-testid="visit-q" />
        {!online && <Alert type="info" showIcon message={tc('searchOffline')} />}
        {searchError && online && <Alert type="warning" showIcon message={searchError} />}
        {results && (results.length ? <List size="small" bordered dataSource={results} renderItem={personRow} /> : <Empty description={tc('noMatch')} />)}
        {!results && recent.people.length > 0 && (
          <div>
            <Typography.Text type="secondary">{tc('recentPeople')}</Typography.Text>
            <List size="small" bordered dataSource={recent.people} renderItem={personRow} style={{ marginTop: 6 }} />
          </div>
        )}
      </Space>
    );
  }

  return (
    <Form form={form} layout="vertical" onFinish={submit} data-testid="visit-form">
      <Card size="small" style={{ marginBottom: 12 }} data-testid="visit-person">
        <Space style={{ justifyContent: 'space-between', width: '100%' }}>
          <Space direction="vertical" size={0}>
            <Space size={6}><Typography.Text strong>{person.name}</Typography.Text><PersonTypeTag type={person.personType} /></Space>
            <Typography.Text type="secondary" className="code">{person.idMasked}</Typography.Text>
          </Space>
          <Button size="small" onClick={() => setPerson(null)}>{tc('changePerson')}</Button>
        </Space>
      </Card>
      <Form.Item label={tc('position')} extra={tc('positionHint')}>
        <Space wrap>
          <Button onClick={position.locate} loading={position.locating} data-testid="locate">{position.point ? tc('relocate') : tc('useGps')}</Button>
          {position.point && (
            <Typography.Text data-testid="gps-point">{tc('gpsPoint', { lng: position.point.lng.toFixed(6), lat: position.point.lat.toFixed(6), m: Math.round(position.point.accuracy) })}</Typography.Text>
          )}
        </Space>
        {position.error && <Alert type="warning" showIcon style={{ marginTop: 8 }} message={tc('gpsFailed', { e: position.error })} />}
      </Form.Item>
      <Form.Item name="notes" label={tc('notes')} rules={[{ max: 2000 }]}>
        <Input.TextArea rows={4} maxLength={2000} showCount placeholder={tc('notesPlaceholder')} />
      </Form.Item>
      <Button type="primary" htmlType="submit" block size="large" data-testid="save-visit">{tc('saveVisit')}</Button>
      <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 8 }}>{tc('savesOffline')}</Typography.Text>
    </Form>
  );
}
