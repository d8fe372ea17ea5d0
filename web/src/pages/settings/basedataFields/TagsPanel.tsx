import type { tagType } from '@gongzhi/contracts';
import { App, Button, Drawer, Form, Input, InputNumber, Space, Switch, Table, Tag, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { api, errorText } from '../../../api/client';
import { ExportTableButton } from '../../../components/table/ExportTableButton';
import type { ExportColumn } from '../../../components/table/tableText';
import { useFieldsText } from './strings';

type TagType = z.infer<typeof tagType>;
type Editing = { mode: 'new' } | { mode: 'edit'; tag: TagType };

/** 人群标签: the group tags a person may carry (独居老人, 退役军人 …), with the focus-group flag. */
export function TagsPanel() {
  const tf = useFieldsText();
  const { message } = App.useApp();
  const [tags, setTags] = useState<TagType[] | null>(null);
  const [editing, setEditing] = useState<Editing | null>(null);
  const load = useCallback(() => {
    api<{ items: TagType[] }>('/basedata/tags').then((r) => setTags(r.items)).catch((e: unknown) => void message.error(errorText(e)));
  }, [message]);
  useEffect(load, [load]);
  const columns: ExportColumn<TagType>[] = [
    { title: tf('tagCode'), dataIndex: 'code', width: 150, render: (c: string) => <span className="code">{c}</span> },
    { title: tf('tagName'), dataIndex: 'name', width: 140 },
    { title: tf('labelEn'), dataIndex: 'nameEn', width: 200 },
    { title: tf('focus'), dataIndex: 'focus', width: 90, render: (f: boolean) => (f ? <Tag color="red">{tf('focus')}</Tag> : <Typography.Text type="secondary">{tf('no')}</Typography.Text>),
      // the tag repeats the column's title; the sheet says 是 / 否
      exportValue: (x) => tf(x.focus ? 'yes' : 'no') },
    { title: tf('sort'), dataIndex: 'sort', width: 60 },
    { title: tf('active'), dataIndex: 'active', width: 60, render: (a: boolean) => (a ? <Tag color="green">{tf('yes')}</Tag> : <Tag>{tf('no')}</Tag>) },
    { title: tf('action'), key: 'action', width: 70, noExport: true, render: (_, x) => <Button type="link" size="small" onClick={() => setEditing({ mode: 'edit', tag: x })}>{tf('edit')}</Button> },
  ];
  return (
    <div data-testid="tags-panel">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>{tf('tagsIntro')}</Typography.Paragraph>
      <Space style={{ marginBottom: 8 }}>
        <Button type="primary" onClick={() => setEditing({ mode: 'new' })} data-testid="add-tag">{tf('addTag')}</Button>
        <ExportTableButton title={tf('tags')} columns={columns} rows={tags ?? []} testId="export-tags" />
      </Space>
      <Table<TagType> size="small" bordered rowKey="code" loading={!tags} dataSource={tags ?? []} pagination={false} scroll={{ x: 'max-content' }}
        rowClassName={(x) => (x.active ? '' : 'settings-inactive')}
        columns={columns} />
      <TagDrawer editing={editing} taken={(tags ?? []).map((x) => x.code)} onClose={() => setEditing(null)} onSaved={() => { setEditing(null); load(); }} />
    </div>
  );
}

function TagDrawer({ editing, taken, onClose, onSaved }: { editing: Editing | null; taken: string[]; onClose(): void; onSaved(): void }) {
  const tf = useFieldsText();
  const { message } = App.useApp();
  const [form] = Form.useForm<TagType>();
  const [saving, setSaving] = useState(false);
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(editing.mode === 'edit' ? editing.tag : { code: '', name: '', nameEn: '', focus: false, sort: (taken.length + 1) * 10, active: true });
  }, [editing, form]); // eslint-disable-line react-hooks/exhaustive-deps

  const save = async () => {
    if (!editing) return;
    const v = await form.validateFields();
    const code = editing.mode === 'edit' ? editing.tag.code : v.code.trim();
    setSaving(true);
    try {
      await api(`/basedata/tags/${code}`, { method: 'PUT', body: { name: v.name.trim(), nameEn: (v.nameEn ?? '').trim(), focus: v.focus, sort: v.sort ?? 0, active: v.active } });
      void message.success(tf('saved'));
      onSaved();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Drawer open={!!editing} width={420} onClose={onClose} destroyOnHidden title={editing?.mode === 'edit' ? tf('editTag', { code: editing.tag.code }) : tf('newTag')}
      extra={<Space><Button onClick={onClose}>{tf('cancel')}</Button><Button type="primary" loading={saving} onClick={() => void save()} data-testid="tag-save">{tf('save')}</Button></Space>}>
      <Form form={form} name="tag" layout="vertical" data-testid="tag-form">
        <Form.Item name="code" label={tf('tagCode')} extra={editing?.mode === 'new' ? tf('tagCodeHint') : undefined}
          rules={editing?.mode === 'new' ? [
            { required: true, pattern: /^[a-z][a-z0-9_]{1,29}$/, message: tf('tagCodeHint') },
            { validator: async (_, c: string) => { if (c && taken.includes(c.trim())) throw new Error(tf('keyTaken', { key: c })); } },
          ] : []}>
          <Input className="code" disabled={editing?.mode === 'edit'} maxLength={30} />
        </Form.Item>
        <Form.Item name="name" label={tf('tagName')} rules={[{ required: true, whitespace: true, max: 20 }]}><Input /></Form.Item>
        <Form.Item name="nameEn" label={tf('labelEn')} rules={[{ max: 40 }]}><Input /></Form.Item>
        <Space size="large">
          <Form.Item name="focus" label={tf('focus')} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="active" label={tf('active')} valuePropName="checked"><Switch /></Form.Item>
          <Form.Item name="sort" label={tf('sort')}><InputNumber style={{ width: 100 }} /></Form.Item>
        </Space>
      </Form>
    </Drawer>
  );
}
