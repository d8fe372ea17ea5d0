import { Descriptions } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../app/i18n';
import { SourceNote } from './bits';
import { fieldLabel, valueText } from './format';
import type { FieldDefinition, Provenance, Values } from './types';

interface Props {
  fields: FieldDefinition[];
  values: Values;
  provenance: Record<string, Provenance>;
  /** How to show some values instead of as text (a masked number with its 查看 button …). */
  render?: Partial<Record<string, ReactNode>>;
  /** Fields not to list here (shown elsewhere on the page). */
  hide?: readonly string[];
  testId?: string;
}

/**
 * Every value of a record, core and extra, in the order of its fields list, each with where it came
 * from. Built from the fields list, so a field an administrator adds shows without a code change; a
 * value of a retired field still shows under its key.
 */
export function RecordValues({ fields, values, provenance, render = {}, hide = [], testId }: Props) {
  const { lang } = useI18n();
  const known = new Set(fields.map((f) => f.key));
  const rows = [
    ...fields.filter((f) => f.active || values[f.key] != null).map((f) => ({ key: f.key, label: fieldLabel(f, lang), field: f })),
    ...Object.keys(values).filter((k) => !known.has(k) && values[k] != null).map((k) => ({ key: k, label: k, field: undefined })),
  ].filter((r) => !hide.includes(r.key));
  return (
    <Descriptions size="small" column={{ xs: 1, sm: 2, xl: 3 }} data-testid={testId}
      items={rows.map((r) => ({
        key: r.key,
        label: r.label,
        children: (
          <div data-testid={`value-${r.key}`}>
            <div>{render[r.key] ?? valueText(r.field, values[r.key], lang)}</div>
            <SourceNote entry={values[r.key] != null ? provenance[r.key] : undefined} />
          </div>
        ),
      }))}
    />
  );
}
