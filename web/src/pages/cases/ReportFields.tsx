import type { CategoryAttributeItem } from '@gongzhi/contracts';
import { Alert, Checkbox, DatePicker, Descriptions, Form, Input, InputNumber, Radio, Select } from 'antd';
import type { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { formatTime } from './format';

/** What the form holds for one category: an answer per field code. */
export type FieldAnswers = Record<string, string | number | string[] | Dayjs | null | undefined>;

/** The extra fields of a category (none while it is unknown or has none; a failed read shows none: a report without them is still a report). */
function useCategoryFields(categoryCode: string | undefined): CategoryAttributeItem[] {
  const [fields, setFields] = useState<CategoryAttributeItem[]>([]);
  useEffect(() => {
    let live = true;
    setFields([]);
    if (categoryCode) api<{ items: CategoryAttributeItem[] }>(`/case-categories/${categoryCode}/attributes`).then((r) => live && setFields(r.items)).catch(() => undefined);
    return () => void (live = false);
  }, [categoryCode]);
  return fields;
}

/** The category's extra fields (上报附加项), answered under `attributes.<category>.<code>` of the report form. */
export function ReportFields({ categoryCode }: { categoryCode: string | undefined }) {
  const { t } = useI18n();
  const fields = useCategoryFields(categoryCode);
  if (!categoryCode || fields.length === 0) return null;
  return (
    <div data-testid="report-fields-form">
      {fields.map((a) => {
        if (!a.variable) return <Alert key={a.code} type="info" showIcon message={a.description} style={{ marginBottom: 16 }} />;
        const rules = a.required ? [{ required: true, message: t('rf_answerRequired', { label: a.description }) }] : [];
        const options = a.values.map((v) => ({ value: v.key, label: v.name }));
        return (
          <Form.Item key={a.code} name={['attributes', categoryCode, a.code]} label={a.description} rules={rules} extra={a.datatypeDescription ?? undefined}>
            {a.datatype === 'singlevaluelist' ? (options.length <= 4 ? <Radio.Group options={options} /> : <Select allowClear options={options} placeholder={t('rf_choose')} />)
              : a.datatype === 'multivaluelist' ? <Checkbox.Group options={options} />
              : a.datatype === 'number' ? <InputNumber style={{ width: 160 }} />
              : a.datatype === 'datetime' ? <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" />
              : a.datatype === 'text' ? <Input.TextArea rows={2} maxLength={2000} />
              : <Input maxLength={200} />}
          </Form.Item>
        );
      })}
    </div>
  );
}

/** The form's answers as the API takes them: lists as keys, numbers as text, times as ISO 8601 with the zone; blanks left out. */
export function answersOf(values: FieldAnswers | undefined): Record<string, string | string[]> | undefined {
  if (!values) return undefined;
  const out: Record<string, string | string[]> = {};
  for (const [code, v] of Object.entries(values)) {
    if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0)) continue;
    out[code] = Array.isArray(v) ? v : typeof v === 'object' ? v.format('YYYY-MM-DDTHH:mm:ssZ') : String(v).trim();
  }
  return Object.keys(out).length ? out : undefined;
}

/** A case's answers to its category's extra fields, named as the fields name them (a field deleted since shows its code). */
export function ReportAnswers({ categoryCode, answers }: { categoryCode: string; answers: unknown }) {
  const fields = useCategoryFields(answers && typeof answers === 'object' ? categoryCode : undefined);
  if (!answers || typeof answers !== 'object') return null;
  const entries = Object.entries(answers as Record<string, unknown>);
  if (entries.length === 0) return null;
  const shown = (code: string, value: unknown) => {
    const field = fields.find((f) => f.code === code);
    const name = (key: unknown) => field?.values.find((v) => v.key === key)?.name ?? String(key);
    if (Array.isArray(value)) return value.map(name).join('、');
    if (field?.datatype === 'datetime' && typeof value === 'string') return formatTime(value);
    return field?.values.length ? name(value) : String(value);
  };
  return (
    <Descriptions size="small" column={1} style={{ marginBottom: 12 }} data-testid="case-answers"
      items={entries.map(([code, value]) => ({ key: code, label: fields.find((f) => f.code === code)?.description ?? code, children: shown(code, value) }))} />
  );
}
