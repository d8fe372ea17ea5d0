import { Tabs } from 'antd';
import { useI18n } from '../../app/i18n';
import { can, useSession } from '../../app/session';
import { AuditTab } from './AuditTab';
import { UsersTab } from './UsersTab';

export function AccountsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  return (
    <div style={{ padding: 16, overflow: 'auto', height: '100%', boxSizing: 'border-box' }}>
      <Tabs items={[
        ...(can(user, 'user:read') ? [{ key: 'users', label: t('accounts'), children: <UsersTab /> }] : []),
        ...(can(user, 'audit:read') ? [{ key: 'audit', label: t('audit'), children: <AuditTab /> }] : []),
      ]} />
    </div>
  );
}
