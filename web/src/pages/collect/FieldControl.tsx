import type { FieldDefinition } from '@gongzhi/contracts';
import { Input, InputNumber, Radio, Select } from 'antd';
import { useI18n } from '../../app/i18n';
import { optionText } from '../basedata/format';
import type { FormValue } from './fieldForm';

interface Props {
  def: FieldDefinition;
  /** Given by Form.Item. */
  value?: FormValue;
  onChange?: (value: FormValue) => void;
  id?: string;
}

/** The input for one field definition: a select for a choice, a date picker for a date, 是/否 for a boolean. */
export function FieldControl({ def, value, onChange, id }: Props) {
  const { t, lang } = useI18n();
  const set = (v: FormValue) => onChange?.(v);
  switch (def.type) {
    case 'choice':
      return (
        <Select id={id} value={(value as string | undefined) ?? undefined} onChange={set} allowClear={!def.required} showSearch optionFilterProp="label"
          options={def.options.map((o) => ({ value: o.value, label: optionText(def, o.value, lang) }))} />
      );
    case 'number':
      return <InputNumber id={id} value={value as number | null | undefined} onChange={set} min={def.min ?? undefined} max={def.max ?? undefined} style={{ width: '100%' }} inputMode="decimal" />;
    case 'date':
      return <Input id={id} type="date" value={(value as string | undefined) ?? ''} onChange={(e) => set(e.target.value)} />;
    case 'boolean':
      return (
        <Radio.Group id={id} optionType="button" value={value ?? undefined} onChange={(e) => set(e.target.value as boolean)}
          options={[{ value: true, label: t('yes') }, { value: false, label: t('no') }]} />
      );
    default:
      return (
        <Input id={id} value={(value as string | undefined) ?? ''} onChange={(e) => set(e.target.value)} maxLength={def.maxLength ?? undefined} allowClear
          inputMode={def.key === 'phone' ? 'tel' : undefined} autoComplete="off" />
      );
  }
}
