import { Form, Input, InputNumber, Select, Switch } from 'antd';
import { useI18n } from '../../app/i18n';
import { fieldLabel, optionText } from './format';
import { useStrings } from './strings';
import type { FieldDefinition } from './types';

/**
 * One generated form field: text, number, date (the browser's date picker), choice (a select) or
 * boolean (a switch). The form keeps every value as the API's text ('true', '2026-03-01', '42'), so
 * what is sent is what the API reads and a change is a plain comparison.
 */
export function FieldInput({ field, required, placeholder }: { field: FieldDefinition; required: boolean; placeholder?: string }) {
  const { lang } = useI18n();
  const s = useStrings();
  const label = fieldLabel(field, lang);
  const common = {
    name: field.key,
    label,
    required,
    rules: required ? [{ required: true, whitespace: true, message: s('fieldRequired', { label }) }] : [],
  };
  const id = `field-${field.key}`;
  switch (field.type) {
    case 'number':
      return (
        <Form.Item {...common} getValueProps={(v: string | null) => ({ value: v === null || v === undefined || v === '' ? null : Number(v) })}
          normalize={(v: number | null) => (v === null || v === undefined ? null : String(v))}>
          <InputNumber id={id} style={{ width: '100%' }} min={field.min ?? undefined} max={field.max ?? undefined} placeholder={placeholder} />
        </Form.Item>
      );
    case 'date':
      return (
        <Form.Item {...common}>
          <Input id={id} type="date" min="1900-01-01" max="2100-12-31" />
        </Form.Item>
      );
    case 'boolean':
      return (
        <Form.Item {...common} valuePropName="checked" getValueProps={(v: string | null) => ({ checked: v === 'true' })} normalize={(v: boolean) => (v ? 'true' : 'false')}>
          <Switch id={id} checkedChildren={s('yes')} unCheckedChildren={s('no')} />
        </Form.Item>
      );
    case 'choice':
      return (
        <Form.Item {...common}>
          <Select id={id} allowClear showSearch optionFilterProp="label" placeholder={placeholder}
            options={field.options.map((o) => ({ value: o.value, label: optionText(field, o.value, lang) }))} />
        </Form.Item>
      );
    default:
      return (
        <Form.Item {...common}>
          <Input id={id} maxLength={field.maxLength ?? undefined} placeholder={placeholder} autoComplete="off" />
        </Form.Item>
      );
  }
}
