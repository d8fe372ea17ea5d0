import { fieldTypes, type BaseEntityName, type FieldDefinition } from '@gongzhi/contracts';
import { App, Button, Drawer, Form, Input, InputNumber, Select, Space, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../../../api/client';
import { createBody, formOf, isPattern, updateBody, type FieldFormValues } from './fieldDraft';
import { useFieldsText } from './strings';

/** Who the drawer edits: a new field of an entity, or a defined (extra) field. */
export type FieldEditing = { mode: 'new'; entity: BaseEntityName } | { mode: 'edit'; field: FieldDefinition };

interface Props {
  editing: FieldEditing | null;
  /** Keys already used by the entity (core and extra), to refuse a duplicate before the server does. */
  takenKeys: readonly string[];
  onClose(): void;
  onSaved(): void;
}

/** 新增/编辑扩展字段: label, type, options of a choice, the checks, required, active. */
export function FieldDrawer({ editing, takenKeys, onClose, onSaved }: Props) {
  const tf = useFieldsText();
  const { message } = App.useApp();
  const [form] = Form.useForm<FieldFormValues>();
  const [saving, setSaving] = useState(false);
  const type = Form.useWatch('type', form);

  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    form.setFieldsValue(editing.mode === 'edit' ? formOf(editing.field) : { type: 'text', required: false, options: [] });
  }, [editing, form]);

  const save = async () => {
    if (!editing) return;
    const v = await form.validateFields();
    setSaving(true);
    try {
      if (editing.mode === 'new') await api('/basedata/fields', { method: 'POST', body: createBody(editing.entity, v) });
      else await api(`/basedata/fields/${editing.field.id}`, { method: 'PATCH', body: updateBody(v) });
      void message.success(tf('saved'));
      onSaved();
    } catch (e) {
      void message.error(errorText(e));
    } finally {
      setSaving(false);
    }
  };

  const title = !editing ? '' : editing.mode === 'new' ? tf('newField', { entity: tf(`entity_${editing.entity}`) }) : tf('editField', { key: editing.field.key });
  return (
    <Drawer open={!!editing} title={title} width={480} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>{tf('cancel')}</Button><Button type="primary" loading={saving} onClick={() => void save()} data-testid="field-save">{tf('save')}</Button></Space>}>
      <Form form={form} name="field" layout="vertical" data-testid="field-form">
        <Form.Item name="key" label={tf('key')} extra={editing?.mode === 'new' ? tf('keyHint') : undefined}
          rules={editing?.mode === 'new' ? [
            { required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/, message: tf('keyHint') },
            { validator: async (_, k: string) => { if (k && takenKeys.includes(k.trim())) throw new Error(tf('keyTaken', { key: k })); } },
          ] : []}>
          <Input className="code" disabled={editing?.mode === 'edit'} maxLength={40} />
        </Form.Item>
        {editing?.mode === 'new' && (
          <Form.Item name="scopeCode" label={tf('scopeCode')} extra={tf('scopeHint')} rules={[{ pattern: /^(\d{6}|\d{9}|\d{12}|\d{15})$/, message: tf('scopeHint') }]}>
            <Input className="code" maxLength={15} />
          </Form.Item>
        )}
        <Space size="middle" style={{ display: 'flex' }}>
          <Form.Item name="label" label={tf('label')} rules={[{ required: true, whitespace: true, max: 40 }]} style={{ flex: 1 }}><Input /></Form.Item>
          <Form.Item name="labelEn" label={tf('labelEn')} rules={[{ max: 80 }]} style={{ flex: 1 }}><Input /></Form.Item>
        </Space>
        <Space size="large" align="start">
          <Form.Item name="type" label={tf('type')} rules={[{ required: true }]}>
            <Select style={{ width: 140 }} options={fieldTypes.map((x) => ({ value: x, label: tf(`type_${x}`) }))} data-testid="field-type" />
          </Form.Item>
          <Form.Item name="required" label={tf('required')} valuePropName="checked"><Switch /></Form.Item>
          {editing?.mode === 'edit' && <Form.Item name="active" label={tf('active')} valuePropName="checked"><Switch /></Form.Item>}
          <Form.Item name="sort" label={tf('sort')}><InputNumber style={{ width: 90 }} /></Form.Item>
        </Space>
        {type === 'choice' && <OptionsList />}
        {type === 'text' && (
          <Space size="middle" align="start" style={{ display: 'flex' }}>
            <Form.Item name="pattern" label={tf('pattern')} extra={tf('patternHint')} style={{ flex: 1 }}
              rules={[{ validator: async (_, p?: string) => { if (p && !isPattern(p)) throw new Error(tf('patternInvalid')); } }]}>
              <Input className="code" maxLength={200} />
            </Form.Item>
            <Form.Item name="maxLength" label={tf('maxLength')}><InputNumber min={1} max={2000} style={{ width: 110 }} /></Form.Item>
          </Space>
        )}
        {type === 'number' && (
          <Space size="middle">
            <Form.Item name="min" label={tf('min')}><InputNumber style={{ width: 140 }} /></Form.Item>
            <Form.Item name="max" label={tf('max')} dependencies={['min']} rules={[({ getFieldValue }) => ({
              validator: async (_, max?: number | null) => { const min = getFieldValue('min') as number | null | undefined; if (max != null && min != null && max < min) throw new Error(`≥ ${min}`); },
            })]}><InputNumber style={{ width: 140 }} /></Form.Item>
          </Space>
        )}
      </Form>
    </Drawer>
  );
}

/** The options of a choice field: value (what is stored and imported) and label (what people see). */
function OptionsList() {
  const tf = useFieldsText();
  return (
    <Form.List name="options" rules={[{ validator: async (_, options?: unknown[]) => { if (!options?.length) throw new Error(tf('optionsRequired')); } }]}>
      {(items, { add, remove }, { errors }) => (
        <Form.Item label={tf('options')} required>
          {items.map((item) => (
            <Space key={item.key} align="baseline" style={{ display: 'flex', marginBottom: 4 }}>
              <Form.Item name={[item.name, 'value']} rules={[{ required: true, whitespace: true, max: 40 }]} noStyle>
                <Input placeholder={tf('optionValue')} style={{ width: 120 }} className="code" />
              </Form.Item>
              <Form.Item name={[item.name, 'label']} rules={[{ required: true, whitespace: true, max: 40 }]} noStyle>
                <Input placeholder={tf('optionLabel')} style={{ width: 200 }} />
              </Form.Item>
              <Button type="text" danger onClick={() => remove(item.name)}>×</Button>
            </Space>
          ))}
          <Button type="dashed" onClick={() => add({ value: '', label: '' })} block>{tf('addOption')}</Button>
          <Form.ErrorList errors={errors} />
        </Form.Item>
      )}
    </Form.List>
  );
}
