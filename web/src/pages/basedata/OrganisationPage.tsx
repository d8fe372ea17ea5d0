import { App, Button, Card, Descriptions, Space, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { basedataTabHref } from '../../app/pages';
import { useIsPhone } from '../../app/responsive';
import { can, useSession } from '../../app/session';
import { announceWrite, type WriteOutcome } from './NewRecordDrawer';
import { RecordFormDrawer } from './RecordFormDrawer';
import { RecordPageFrame } from './RecordPageFrame';
import { RecordValues } from './RecordValues';
import { useFields } from './reference';
import { enumText, useStrings, type StringKey } from './strings';
import type { OrgDetail, Values } from './types';
import { useRecord } from './useRecord';
import { VisitList } from './VisitList';

/** One organisation: its registration, every value with its source, and the grid workers' visits. */
export function OrganisationPage({ id }: { id: string }) {
  const s = useStrings();
  const { lang } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const { record: org, failure, reload } = useRecord<OrgDetail>(`/basedata/organisations/${id}`);
  const fields = useFields('organisation', org?.gridCode, org !== null);
  const [editing, setEditing] = useState(false);
  const save = useCallback(async (values: Values) => {
    const out = await api<WriteOutcome>(`/basedata/organisations/${id}`, { method: 'PATCH', body: { version: org!.version, values } });
    announceWrite(message, s, out, false);
    setEditing(false);
    reload();
  }, [id, org, message, s, reload]);

  const back = { href: basedataTabHref('organisations'), label: s('backToOrgs') };
  if (!org) return <RecordPageFrame back={back} loaded={false} failure={failure} testId="organisation-page" />;
  const o = org;
  return (
    <RecordPageFrame back={back} loaded failure={null} testId="organisation-page">
      <Card size={phone ? 'small' : 'default'}>
        <Space wrap align="center" style={{ marginBottom: 12 }}>
          <Typography.Title level={phone ? 5 : 4} style={{ margin: 0 }} data-testid="organisation-name">{o.name}</Typography.Title>
          <Tag color="blue" style={{ marginInlineEnd: 0 }}>{s(`org_type_${o.orgType}` as StringKey)}</Tag>
          {can(user, 'basedata:write') && <Button size="small" onClick={() => setEditing(true)} data-testid="edit-organisation">{s('edit')}</Button>}
        </Space>
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={[
          { key: 'uscc', label: s('uscc'), children: <span className="code">{o.uscc ?? '—'}</span> },
          { key: 'industry', label: s('industry'), children: o.industry ? enumText(lang, 'industry', o.industry) ?? o.industry : '—' },
          { key: 'legalRep', label: s('legalRep'), children: o.legalRep ?? '—' },
          { key: 'headCount', label: s('headCount'), children: o.headCount ?? '—' },
          { key: 'phone', label: s('phone'), children: <span className="code">{o.phoneMasked ?? '—'}</span> },
          { key: 'address', label: s('orgAddress'), children: o.address },
        ]} />
      </Card>
      <Card size="small" title={s('values')}>{fields && <RecordValues fields={fields} values={o.values} provenance={o.provenance} testId="organisation-values" render={{ phone: o.phoneMasked ?? '—' }} />}</Card>
      <Card size="small" title={s('visits')}><VisitList visits={o.visits} /></Card>
      <RecordFormDrawer open={editing} title={s('editOrg')} fields={fields} mode="edit" initial={o.values} masked={['phone']}
        onClose={() => setEditing(false)} onSubmit={save} onReload={reload} testId="organisation-form" />
    </RecordPageFrame>
  );
}
