import { roles, type UnitItem, type UserItem } from '@gongzhi/contracts';
import { App, Button, Form, Input, Modal, Select, Space, Table, Tag } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useI18n, type MessageKey } from '../../app/i18n';
import { can, useSession } from '../../app/session';
import { ExportTableButton } from '../../components/table/ExportTableButton';
import type { ExportColumn } from '../../components/table/tableText';

/** 账号管理: accounts in my jurisdiction; administrators create, disable and reset them. */
export function UsersTab() {
  const { t } = useI18n();
  const { user } = useSession();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [items, setItems] = useState<UserItem[] | null>(null);
  const [units, setUnits] = useState<UnitItem[]>([]);
  const [creating, setCreating] = useState(false);
  const [version, setVersion] = useState(0);
  const [form] = Form.useForm();
  const fail = (e: unknown) => void message.error(e instanceof Error ? e.message : String(e));
  useEffect(() => {
    api<{ items: UserItem[] }>(`/users${q ? `?q=${encodeURIComponent(q)}` : ''}`).then((r) => setItems(r.items)).catch(fail);
  }, [q, version]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => void api<{ items: UnitItem[] }>('/units').then((r) => setUnits(r.items)).catch(fail), []); // eslint-disable-line react-hooks/exhaustive-deps
  const roleName = (r: string) => t(`role_${r}` as MessageKey);
  const update = (u: UserItem, body: object) =>
    api(`/users/${u.id}`, { method: 'PATCH', body }).then(() => { message.success(t('saved')); setVersion((v) => v + 1); }).catch(fail);
  const create = async () => {
    const values = await form.validateFields();
    try {
      await api('/users', { method: 'POST', body: { ...values, unitId: values.unitId ?? null, phone: values.phone || null } });
      setCreating(false);
      form.resetFields();
      setVersion((v) => v + 1);
      message.success(t('saved'));
    } catch (e) {
      fail(e);
    }
  };
  const writable = can(user, 'user:write');
  const columns: ExportColumn<UserItem>[] = [
    { title: t('username'), dataIndex: 'username' },
    { title: t('name'), dataIndex: 'displayName' },
    { title: t('role'), dataIndex: 'role', render: roleName },
    { title: t('scope'), dataIndex: 'scopeCode', render: (c: string) => <span className="code">{c}</span> },
    { title: t('unit'), dataIndex: 'unitId', render: (id: string | null) => units.find((u) => u.id === id)?.name ?? '—' },
    { title: t('state'), render: (_, u) => (u.disabled ? <Tag>{t('disabled')}</Tag> : u.lockedUntil ? <Tag color="orange">{t('locked')}</Tag> : <Tag color="green">{t('active')}</Tag>) },
    ...(writable ? [{ title: '', noExport: true, render: (_: unknown, u: UserItem) => (
      <Space>
        <Button size="small" onClick={() => update(u, { disabled: !u.disabled })}>{u.disabled ? t('enable') : t('disable')}</Button>
        <Button size="small" onClick={() => {
          let password = '';
          Modal.confirm({ title: `${t('resetPassword')} · ${u.username}`, content: <Input.Password onChange={(e) => (password = e.target.value)} />, onOk: () => update(u, { password }) });
        }}>{t('resetPassword')}</Button>
      </Space>
    ) }] : []),
  ];
  return (
    <div data-testid="users-tab">
      <Space style={{ marginBottom: 12 }}>
        <Input.Search placeholder={t('searchUsers')} allowClear onSearch={setQ} style={{ width: 280 }} />
        {writable && <Button type="primary" onClick={() => setCreating(true)}>{t('newUser')}</Button>}
        {/* /users answers the whole list at once, so the export takes the rows the table holds */}
        <ExportTableButton title={t('accounts')} note={q ? `“${q}”` : undefined} columns={columns} rows={items ?? []} testId="export-users" />
      </Space>
      <Table<UserItem> size="small" rowKey="id" loading={!items} dataSource={items ?? []} pagination={{ pageSize: 15, showSizeChanger: false }}
        columns={columns} />
      <Modal open={creating} title={t('newUser')} onCancel={() => setCreating(false)} onOk={create} okText={t('save')} cancelText={t('cancel')}>
        <Form form={form} layout="vertical" initialValues={{ role: 'grid_worker', scopeCode: user?.scopeCode }}>
          <Form.Item name="username" label={t('username')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="displayName" label={t('name')} rules={[{ required: true }]}><Input /></Form.Item>
          <Form.Item name="role" label={t('role')}><Select options={roles.map((r) => ({ value: r, label: roleName(r) }))} /></Form.Item>
          <Form.Item name="scopeCode" label={t('scopeCode')} rules={[{ required: true, pattern: /^(\d{12}|\d{15})$/ }]}><Input className="code" /></Form.Item>
          <Form.Item name="unitId" label={t('unit')}><Select allowClear options={units.map((u) => ({ value: u.id, label: u.name }))} /></Form.Item>
          <Form.Item name="phone" label={t('phone')}><Input /></Form.Item>
          <Form.Item name="password" label={t('password')} rules={[{ required: true, min: 10 }]}><Input.Password /></Form.Item>
        </Form>
      </Modal>
    </div>
  );
}
