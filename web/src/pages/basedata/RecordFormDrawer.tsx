import { Alert, App, Button, Col, Drawer, Form, Row, Space, Spin } from 'antd';
import { useState } from 'react';
import { ApiError, errorText } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useIsPhone } from '../../app/responsive';
import { FieldInput } from './FieldInput';
import { fieldLabel } from './format';
import { changedValues, fieldErrorsOf } from './query';
import { useStrings } from './strings';
import type { FieldDefinition, Values } from './types';

interface Props {
  open: boolean;
  title: string;
  /** The entity's fields (GET /basedata/fields): the form is generated from them. */
  fields: FieldDefinition[] | null;
  /** Create: the starting values, all sent. Edit: the record's values; only what changes is sent. */
  mode: 'create' | 'edit';
  initial?: Values;
  /** Fields the form leaves out (the identity key of a record being edited). */
  omit?: readonly string[];
  /** Fields whose stored value is masked: they start blank and are sent only when filled in. */
  masked?: readonly string[];
  onClose(): void;
  /** Sends the values; a 400 `basedata.invalid` puts the server's messages on the fields. */
  onSubmit(values: Values): Promise<void>;
  /** Loads the record again after a 409 (someone changed it meanwhile). */
  onReload?(): void;
  testId?: string;
}

export function RecordFormDrawer({ open, title, fields, mode, initial = {}, omit = [], masked = [], onClose, onSubmit, onReload, testId = 'record-form' }: Props) {
  const s = useStrings();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const phone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const [stale, setStale] = useState(false);
  const shown = (fields ?? []).filter((f) => f.active && !omit.includes(f.key));
  const start: Values = Object.fromEntries(shown.map((f) => [f.key, masked.includes(f.key) ? null : initial[f.key] ?? null]));

  const submit = async (raw: Values) => {
    const entered = Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)) as Values;
    const values = mode === 'create'
      ? Object.fromEntries(Object.entries(entered).filter(([, v]) => v !== null && v !== ''))
      : changedValues(start, Object.fromEntries(Object.entries(entered).filter(([k, v]) => !(masked.includes(k) && !v))));
    if (Object.keys(values).length === 0) return void message.info(s('unchanged'));
    setBusy(true);
    setProblems([]);
    try {
      await onSubmit(values);
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) return setStale(true);
      const byField = fieldErrorsOf(e);
      const onForm = Object.keys(byField).filter((k) => shown.some((f) => f.key === k));
      form.setFields(onForm.map((k) => ({ name: k, errors: [byField[k]!] })));
      const elsewhere = Object.entries(byField).filter(([k]) => !onForm.includes(k)).map(([k, m]) => {
        const f = fields?.find((x) => x.key === k);
        return f ? `${fieldLabel(f, lang)}：${m}` : m;
      });
      setProblems(Object.keys(byField).length ? elsewhere : [errorText(e)]);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Drawer open={open} title={title} width={phone ? '100%' : 720} onClose={onClose} destroyOnHidden
      extra={<Space><Button onClick={onClose}>{t('cancel')}</Button><Button type="primary" loading={busy} onClick={() => form.submit()} data-testid="form-save">{t('save')}</Button></Space>}>
      {stale && (
        <Alert type="warning" showIcon message={s('stale')} style={{ marginBottom: 16 }} data-testid="form-stale"
          action={onReload && <Button size="small" onClick={() => { setStale(false); onReload(); onClose(); }}>{s('reload')}</Button>} />
      )}
      {problems.length > 0 && (
        <Alert type="error" showIcon message={s('otherErrors')} description={problems.map((p, i) => <div key={i}>{p}</div>)} style={{ marginBottom: 16 }} data-testid="form-problems" />
      )}
      {/* the form starts once the fields are known: its initial values are read when it mounts */}
      {fields === null ? <Spin style={{ display: 'block', marginTop: 40 }} /> : (
        <Form form={form} layout="vertical" initialValues={start} onFinish={submit} data-testid={testId}
          onValuesChange={() => problems.length && setProblems([])} scrollToFirstError>
          <Row gutter={16}>
            {shown.map((f) => {
              const isMasked = masked.includes(f.key);
              return (
                <Col key={f.key} xs={24} sm={12}>
                  <FieldInput field={f} required={f.required && !isMasked && (mode === 'create' || initial[f.key] != null)}
                    placeholder={isMasked ? `${initial[f.key] ?? ''}${initial[f.key] ? ' · ' : ''}${s('keepBlank')}` : undefined} />
                </Col>
              );
            })}
          </Row>
        </Form>
      )}
    </Drawer>
  );
}
