import { App, Button, Form, Input, Modal, Space } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api/client';
import { can, useSession } from '../../app/session';
import { useStrings } from './strings';

export type RevealField = 'id_number' | 'phone';

interface Props {
  personId: string;
  field: RevealField;
  masked: string | null;
  /** The full number once revealed. */
  revealed: string | undefined;
  onRevealed(field: RevealField, value: string | null): void;
}

/** A masked 身份证号 or phone with 查看 for who may reveal it: asks why (the look is audited), then shows the full number. */
export function RevealableNumber({ personId, field, masked, revealed, onRevealed }: Props) {
  const s = useStrings();
  const { user } = useSession();
  const { message } = App.useApp();
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const label = s(field === 'id_number' ? 'idNumber' : 'phone');
  const submit = async ({ reason }: { reason: string }) => {
    setBusy(true);
    try {
      const r = await api<{ value: string | null }>(`/basedata/people/${personId}/reveal`, { method: 'POST', body: { field, reason: reason.trim() } });
      onRevealed(field, r.value);
      setAsking(false);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space size={8} wrap>
      <span className="code" data-testid={`number-${field}`}>{revealed ?? masked ?? s('noValue')}</span>
      {masked && revealed === undefined && can(user, 'basedata:reveal') && (
        <Button size="small" type="link" style={{ padding: 0, height: 'auto' }} onClick={() => setAsking(true)} data-testid={`reveal-${field}`}>{s('reveal')}</Button>
      )}
      <Modal open={asking} title={s('revealTitle', { field: label })} onCancel={() => setAsking(false)} onOk={() => form.submit()} confirmLoading={busy} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={submit} data-testid="reveal-form" preserve={false}>
          <Form.Item name="reason" label={s('revealReason')} extra={s('revealReasonHint')}
            rules={[{ required: true, whitespace: true, min: 2, message: s('reasonRequired') }, { max: 200 }]}>
            <Input.TextArea rows={3} maxLength={200} showCount autoFocus data-testid="reveal-reason" />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
