import { Alert, App, Badge, Button, Card, Result, Space, Spin, Tabs, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorText, newUuid } from '../../api/client';
import { useIsPhone } from '../../app/responsive';
import { useSession } from '../../app/session';
import { formatTime } from '../cases/format';
import type { FlushReport, OutboxEntry } from './outbox';
import { OutboxList } from './OutboxList';
import { PersonForm } from './PersonForm';
import { keepAppShell } from './shellCache';
import { useCollectText } from './strings';
import { useGridFields } from './useGridFields';
import { useOnline, useOutbox } from './useOutbox';
import { VisitForm } from './VisitForm';

type TabKey = 'person' | 'visit' | 'outbox';

/**
 * 采集走访: the grid worker's phone screen. Registrations and visits go into the phone's outbox first
 * and are sent when the network allows, so the page works in a cellar or a lift as well as outdoors.
 */
export function CollectPage() {
  const tc = useCollectText();
  const { message } = App.useApp();
  const { user } = useSession();
  const phone = useIsPhone();
  const online = useOnline();
  const grid = user!.scopeCode.length === 15 ? user!.scopeCode : null;
  const { fields, offline: fieldsOffline } = useGridFields('person', grid);
  const [tab, setTab] = useState<TabKey>('person');
  const [editing, setEditing] = useState<OutboxEntry | null>(null);

  const onSent = useCallback((r: FlushReport) => {
    if (r.sent) void message.success(tc('sentN', { n: r.sent }));
    if (r.rejected) void message.warning(tc('refusedN', { n: r.rejected }));
  }, [message, tc]);
  const outbox = useOutbox(user!.id, onSent);

  useEffect(keepAppShell, []);

  /** Puts a submission in the outbox; says so, or why the phone could not keep it. */
  const keep = (store: () => void) => {
    try {
      store();
    } catch (e) {
      void message.error(tc('notKept', { e: errorText(e) }));
      return false;
    }
    void message.success(navigator.onLine ? tc('savedSending') : tc('savedQueued'));
    return true;
  };
  const savePerson = (values: Record<string, string>, name: string) => keep(() => {
    if (!editing) return outbox.add({ id: newUuid(), kind: 'person', label: name, body: { values } });
    outbox.revise(editing.id, { label: name, body: { values } });
    setEditing(null);
    setTab('outbox');
  });

  if (!grid) return <Result status="info" title={tc('noGrid')} />;

  const status = (
    <Card size="small" style={{ marginBottom: 8 }} data-testid="sync-status">
      <Space style={{ justifyContent: 'space-between', width: '100%' }} wrap>
        <Space size={8} wrap>
          <Tag color={online ? 'green' : 'default'} data-testid="network-state">{online ? tc('online') : tc('offline')}</Tag>
          {outbox.pending > 0
            ? <Typography.Text strong data-testid="pending-count">{tc('pendingN', { n: outbox.pending })}</Typography.Text>
            : <Typography.Text type="success" data-testid="pending-count">{tc('allSynced')}</Typography.Text>}
          {outbox.rejected > 0 && <Typography.Text type="danger" data-testid="rejected-count">{tc('rejectedN', { n: outbox.rejected })}</Typography.Text>}
        </Space>
        <Button size="small" onClick={outbox.syncNow} loading={outbox.syncing} disabled={outbox.pending === 0}>{outbox.syncing ? tc('syncing') : tc('syncNow')}</Button>
      </Space>
      {outbox.stopped === 'signin' && <Alert type="warning" showIcon style={{ marginTop: 8 }} message={tc('signInAgain')} />}
      {outbox.stopped === 'unreachable' && online && outbox.pending > 0 && <Typography.Text type="secondary" style={{ fontSize: 12 }}>{tc('unreachable')}</Typography.Text>}
      {outbox.lastSyncedAt && <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>{tc('syncedAt', { time: formatTime(outbox.lastSyncedAt.toISOString()) })}</Typography.Text>}
    </Card>
  );

  const personTab = !fields
    ? (fieldsOffline ? <Alert type="warning" showIcon message={tc('fieldsMissing')} /> : <Spin style={{ display: 'block', margin: 40 }} />)
    : (
      <>
        {fieldsOffline && <Alert type="info" showIcon style={{ marginBottom: 12 }} message={tc('fieldsOffline')} />}
        <PersonForm fields={fields} gridCode={grid} gridName={user!.scopeName} editing={editing} onSave={savePerson} onCancelEdit={() => setEditing(null)} />
      </>
    );

  const items = [
    { key: 'person', label: tc('tabPerson'), children: personTab },
    { key: 'visit', label: tc('tabVisit'), children: <VisitForm userId={user!.id} online={online} onSave={(e) => keep(() => outbox.add(e))} /> },
    {
      key: 'outbox',
      label: <Badge count={outbox.pending + outbox.rejected} size="small" offset={[8, -2]}>{tc('tabOutbox')}</Badge>,
      children: <OutboxList entries={outbox.entries} onRetry={outbox.retry} onDiscard={outbox.discard} onEdit={(e) => { setEditing(e); setTab('person'); }} />,
    },
  ];

  return (
    <div style={{ height: '100%', overflow: 'auto', background: '#f5f6f8' }} data-testid="collect-page">
      <div style={{ maxWidth: 640, margin: '0 auto', padding: phone ? 8 : 16 }}>
        {status}
        <Card size={phone ? 'small' : 'default'} title={tc('title')}>
          <Tabs activeKey={tab} onChange={(k) => setTab(k as TabKey)} items={items} />
        </Card>
      </div>
    </div>
  );
}
