import type { FieldDefinition } from '@gongzhi/contracts';
import type { Rule } from 'antd/es/form';
import { Alert, Button, Form, Space, Typography } from 'antd';
import { useEffect } from 'react';
import { useI18n } from '../../app/i18n';
import { FieldControl } from './FieldControl';
import { fieldLabel } from '../basedata/format';
import { checkValue, factsOfIdNumber, fillableFields, formValuesOf, recordValues, type FormValue, type ValueProblem } from './fieldForm';
import type { OutboxEntry } from './outbox';
import { useCollectText } from './strings';

type Values = Record<string, FormValue>;

interface Props {
  fields: FieldDefinition[];
  gridCode: string;
  gridName: string;
  /** A queued registration the server refused (需修改), being changed; null for a new one. */
  editing: OutboxEntry | null;
  /** False when the phone could not keep it (storage full): the form keeps the values. */
  onSave(values: Record<string, string>, name: string): boolean;
  onCancelEdit(): void;
}

/** 人员登记: the form generated from the grid's field definitions (core and extra fields). */
export function PersonForm({ fields, gridCode, gridName, editing, onSave, onCancelEdit }: Props) {
  const { lang } = useI18n();
  const tc = useCollectText();
  const [form] = Form.useForm<Values>();
  const shown = fillableFields(fields);

  // changing a refused entry: its values back in the form, the server's complaints on their fields
  useEffect(() => {
    form.resetFields();
    if (!editing) return;
    const values = (editing.body as { values: Record<string, string | null> }).values;
    form.setFieldsValue(formValuesOf(fields, values));
    form.setFields(editing.fieldErrors.filter((f) => shown.some((d) => d.key === f.field)).map((f) => ({ name: f.field, errors: [f.message] })));
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when another entry is opened
  }, [editing?.id]);

  const problemText = (def: FieldDefinition, p: ValueProblem) => {
    const label = fieldLabel(def, lang);
    if (p.code === 'too_long') return tc('v_too_long', { label, max: p.max });
    if (p.code === 'range') return tc('v_range', { label, min: p.min, max: p.max });
    return tc(`v_${p.code}`, { label });
  };
  const rulesOf = (def: FieldDefinition): Rule[] => [
    { required: def.required, message: tc('v_required', { label: fieldLabel(def, lang) }) },
    {
      validator: async (_, value: FormValue) => {
        if (value === null || value === undefined || value === '' || typeof value === 'boolean') return;
        const problem = checkValue(def, String(value).trim(), String(form.getFieldValue('id_type') ?? 'resident'));
        if (problem) throw new Error(problemText(def, problem));
      },
    },
  ];

  const onValuesChange = (changed: Values) => {
    if (!('id_number' in changed) || (form.getFieldValue('id_type') ?? 'resident') !== 'resident') return;
    const facts = factsOfIdNumber(String(changed.id_number ?? ''));
    if (!facts) return;
    if (!form.getFieldValue('gender')) form.setFieldValue('gender', facts.gender);
    if (!form.getFieldValue('birth_date')) form.setFieldValue('birth_date', facts.birth_date);
  };

  const submit = (v: Values) => {
    const values = recordValues(fields, v, gridCode);
    if (onSave(values, values.name ?? '')) form.resetFields();
  };

  return (
    <Form form={form} layout="vertical" onFinish={submit} onValuesChange={onValuesChange} initialValues={{ id_type: 'resident' }} name="person" data-testid="person-form" scrollToFirstError>
      {editing && (
        <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={tc('editingRejected', { name: editing.label })} description={editing.error}
          action={<Button size="small" onClick={onCancelEdit}>{tc('cancelEdit')}</Button>} />
      )}
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>{tc('gridFixed', { grid: `${gridName}（${gridCode}）` })}</Typography.Paragraph>
      {shown.map((def) => (
        <Form.Item key={def.key} name={def.key} label={fieldLabel(def, lang)} rules={rulesOf(def)} validateFirst
          dependencies={def.key === 'id_number' ? ['id_type'] : undefined}>
          <FieldControl def={def} />
        </Form.Item>
      ))}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button type="primary" htmlType="submit" block size="large" data-testid="save-person">{editing ? tc('saveChanges') : tc('savePerson')}</Button>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{tc('savesOffline')}</Typography.Text>
      </Space>
    </Form>
  );
}
