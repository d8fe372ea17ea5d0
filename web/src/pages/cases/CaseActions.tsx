import { caseActions, ratings, type CaseAction, type CaseActionRequest, type CaseDetail } from '@gongzhi/contracts';
import { App, Button, Cascader, Descriptions, Form, Input, InputNumber, Modal, Radio, Select, Space, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, errorText } from '../../api/client';
import { useI18n, type MessageKey } from '../../app/i18n';
import { useIsPhone } from '../../app/responsive';
import { can, useSession } from '../../app/session';
import { categoryOptions, categoryPath } from './categories';
import { formatTime } from './format';
import { PhotoUpload, photoIdsOf, stillUploading, type PhotoList } from './photos';
import { useCategories, useUnits } from './reference';

/** The actions that move a case on: shown as primary buttons; the ones that send it back are marked as dangerous. */
const forward = new Set<CaseAction>(['register', 'dispatch', 'sign', 'feedback', 'assist_done', 'close', 'rate', 'decide_request', 'resume']);
const backward = new Set<CaseAction>(['reject', 'return', 'rework', 'escalate']);

interface Props {
  detail: CaseDetail;
  onDone(detail: CaseDetail): void;
  onStale(): void;
  /** Counts the requests to open the merge form (the case page's 疑似重复 notice); the form fills in the likely original. */
  mergeAsked?: number;
}

/** The action bar: exactly the case's allowedActions, each opening a small form with that action's fields. */
export function CaseActions({ detail, onDone, onStale, mergeAsked = 0 }: Props) {
  const { t } = useI18n();
  const [action, setAction] = useState<CaseAction | null>(null);
  useEffect(() => void (mergeAsked > 0 && setAction('merge')), [mergeAsked]);
  const allowed = caseActions.filter((a) => detail.allowedActions.includes(a));
  if (allowed.length === 0) return <Typography.Text type="secondary" data-testid="no-actions">{t('noActions')}</Typography.Text>;
  return (
    <>
      <Space wrap data-testid="case-actions">
        {allowed.map((a) => (
          <Button key={a} autoInsertSpace={false} type={forward.has(a) ? 'primary' : 'default'} danger={backward.has(a)} onClick={() => setAction(a)}>
            {t(`act_${a}` as MessageKey)}
          </Button>
        ))}
      </Space>
      {action && <ActionForm action={action} detail={detail} onClose={() => setAction(null)} onDone={(d) => { setAction(null); onDone(d); }}
        onStale={() => { setAction(null); onStale(); }} />}
    </>
  );
}

interface Values {
  note?: string;
  reason?: string;
  category?: string[];
  targetNumber?: string;
  leadUnitId?: string;
  assistUnitIds?: string[];
  workingDays?: number;
  approve?: boolean;
  rating?: (typeof ratings)[number];
  photos?: PhotoList;
}

function ActionForm({ action, detail, onClose, onDone, onStale }: { action: CaseAction; detail: CaseDetail; onClose(): void; onDone(d: CaseDetail): void; onStale(): void }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const phone = useIsPhone();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const categories = useCategories();
  const units = useUnits(action === 'dispatch' && can(user, 'unit:read'));
  const options = useMemo(() => categoryOptions(categories, lang === 'en', (k) => t(`kind_${k}` as MessageKey)), [categories, lang, t]);
  const pending = detail.requests.find((r) => r.decision === null) ?? null;
  const label = t(`act_${action}` as MessageKey);
  const reason = <Form.Item name="reason" label={t('reason')} rules={[{ required: true, whitespace: true, min: 2, message: t('reasonRequired') }]}><Input.TextArea rows={3} maxLength={500} showCount /></Form.Item>;
  const note = (required: boolean) => (
    <Form.Item name="note" label={t('note')} rules={required ? [{ required: true, whitespace: true, min: 2, message: t('noteRequired') }] : []}>
      <Input.TextArea rows={3} maxLength={1000} showCount />
    </Form.Item>
  );
  const photos = <Form.Item name="photos" label={t('photos')} valuePropName="fileList" extra={t('photoHint')}><PhotoUpload /></Form.Item>;
  const unitOptions = [...units].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'department' ? -1 : 1)).map((u) => ({ value: u.id, label: u.name }));
  const dispatchUnitOptions = unitOptions.length ? unitOptions : detail.suggestedUnit ? [{ value: detail.suggestedUnit.id, label: detail.suggestedUnit.name }] : [];

  const fields: Record<CaseAction, ReactNode> = {
    register: <>
      <Form.Item name="category" label={t('changeCategory')}><Cascader options={options} showSearch allowClear /></Form.Item>
      {note(false)}
    </>,
    reject: reason,
    merge: <>
      <Form.Item name="targetNumber" label={t('targetNumber')} rules={[{ required: true, pattern: /^\d{6}-\d{8}-\d{5}$/, message: t('numberFormat') }]}><Input className="code" placeholder="370303-20261124-00042" /></Form.Item>
      {note(false)}
    </>,
    dispatch: <>
      <Form.Item name="leadUnitId" label={t('leadUnit')} rules={[{ required: true }]}
        extra={<>
          {detail.suggestedUnit ? <div>{t('suggested', { name: `${detail.suggestedUnit.name}${detail.suggestedUnit.rule ? `（${detail.suggestedUnit.rule}）` : ''}` })}</div> : null}
          <TextSuggestion detail={detail} options={dispatchUnitOptions} onUse={(id) => form.setFieldValue('leadUnitId', id)} />
        </>}>
        <Select showSearch optionFilterProp="label" options={dispatchUnitOptions} data-testid="lead-unit" />
      </Form.Item>
      <Form.Item name="assistUnitIds" label={t('assistUnits')}><Select mode="multiple" allowClear showSearch optionFilterProp="label" options={unitOptions} /></Form.Item>
      {note(false)}
    </>,
    urge: note(true),
    sign: note(false),
    return: reason,
    feedback: <>{note(true)}{photos}</>,
    assist_done: note(true),
    request_extension: <>
      <Form.Item name="workingDays" label={t('workingDays')} rules={[{ required: true }]}><InputNumber min={1} max={30} precision={0} /></Form.Item>
      {reason}
    </>,
    request_suspension: reason,
    decide_request: <>
      {pending && (
        <Descriptions size="small" column={1} bordered style={{ marginBottom: 16 }} title={t('pendingRequest')}
          items={[
            { key: 'k', label: t('type'), children: `${t(`req_${pending.kind}` as MessageKey)}${pending.workingDays ? ` · ${t('daysN', { n: pending.workingDays })}` : ''}` },
            { key: 'r', label: t('reason'), children: pending.reason },
            { key: 'b', label: t('reporter'), children: `${pending.requestedBy} · ${formatTime(pending.requestedAt)}` },
          ]} />
      )}
      <Form.Item name="approve" label={t('decision')} rules={[{ required: true }]}>
        <Radio.Group options={[{ value: true, label: t('approve') }, { value: false, label: t('refuse') }]} />
      </Form.Item>
      {note(false)}
    </>,
    resume: note(false),
    escalate: reason,
    close: <>{note(false)}{photos}</>,
    rework: <>{reason}{photos}</>,
    rate: <>
      <Form.Item name="rating" label={t('rating')} rules={[{ required: true }]}>
        <Radio.Group options={ratings.map((r) => ({ value: r, label: t(`rating_${r}` as MessageKey) }))} />
      </Form.Item>
      {note(false)}
    </>,
  };

  const body = (v: Values): CaseActionRequest => {
    const version = detail.version;
    const trimmed = v.note?.trim() || undefined;
    switch (action) {
      case 'register': {
        const code = v.category?.at(-1);
        return { action, version, note: trimmed, ...(code && code !== detail.categoryCode ? { categoryCode: code } : {}) };
      }
      case 'reject': case 'return': case 'escalate': case 'request_suspension':
        return { action, version, reason: v.reason!.trim() };
      case 'merge': return { action, version, targetNumber: v.targetNumber!.trim(), note: trimmed };
      case 'dispatch': return { action, version, leadUnitId: v.leadUnitId!, assistUnitIds: (v.assistUnitIds ?? []).filter((id) => id !== v.leadUnitId), note: trimmed };
      case 'urge': return { action, version, note: v.note!.trim() };
      case 'sign': case 'resume': return { action, version, note: trimmed };
      case 'feedback': return { action, version, note: v.note!.trim(), photoIds: photoIdsOf(v.photos) };
      case 'assist_done': return { action, version, note: v.note!.trim() };
      case 'request_extension': return { action, version, workingDays: v.workingDays!, reason: v.reason!.trim() };
      case 'decide_request': return { action, version, requestId: pending!.id, approve: v.approve!, note: trimmed };
      case 'close': return { action, version, note: trimmed, photoIds: photoIdsOf(v.photos) };
      case 'rework': return { action, version, reason: v.reason!.trim(), photoIds: photoIdsOf(v.photos) };
      case 'rate': return { action, version, rating: v.rating!, note: trimmed };
    }
  };

  const submit = async () => {
    const values = await form.validateFields();
    if (stillUploading(values.photos)) return void message.warning(t('photoUploading'));
    setBusy(true);
    try {
      const next = await api<CaseDetail>(`/cases/${detail.id}/actions`, { method: 'POST', body: body(values) });
      message.success(`${label} · ${t('submitted')}`);
      onDone(next);
    } catch (e) {
      // 409: someone else moved the case first (case.stale) or it no longer allows this step: show why and reload
      if (e instanceof ApiError && e.status === 409) {
        message.warning(e.message || t('reloaded'));
        onStale();
      } else message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal open title={`${label} · ${detail.number}`} onCancel={onClose} onOk={() => void submit()} okText={t('submit')} cancelText={t('cancel')}
      confirmLoading={busy} width={phone ? 'calc(100vw - 16px)' : 560} style={phone ? { top: 8 } : undefined} destroyOnHidden>
      <Form form={form} layout="vertical" data-testid="action-form"
        initialValues={{
          category: categoryPath(categories, detail.categoryCode),
          leadUnitId: detail.suggestedUnit?.id,
          workingDays: 3,
          approve: true,
          // a likely duplicate's original is the merge target the dispatcher most likely wants
          targetNumber: detail.likelyDuplicateOf?.number,
        }}>
        {fields[action]}
      </Form>
    </Modal>
  );
}

/** The text classifier's second opinion, with its unit one click away when that unit may be dispatched to. */
function TextSuggestion({ detail, options, onUse }: { detail: CaseDetail; options: { value: string }[]; onUse(unitId: string): void }) {
  const { t } = useI18n();
  const s = detail.textSuggestion;
  if (!s) return null;
  const unit = s.unit && options.some((o) => o.value === s.unit!.id) ? s.unit : null;
  return (
    <div data-testid="text-suggestion">
      {t('textSuggested', { label: s.label, unit: s.unit?.name ?? '—', confidence: Math.round(s.confidence * 100) })}
      {unit ? <Button type="link" size="small" onClick={() => onUse(unit.id)}>{t('useSuggestion')}</Button> : null}
    </div>
  );
}
