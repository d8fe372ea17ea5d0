import type { CalendarDay, CalendarResponse } from '@gongzhi/contracts';
import { Alert, App, Button, Col, DatePicker, Form, Input, Modal, Popconfirm, Radio, Row, Select, Space, Table, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, errorText } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { ExportTableButton } from '../../components/table/ExportTableButton';
import { today as shanghaiToday } from '../basedata/format';
import type { ExportColumn } from '../../components/table/tableText';
import { dayMarks, isWeekend, monthCells, periodMinutes, weekdayOf, type DayMark } from './format';
import './settings.css';

type Kind = CalendarDay['kind'];
const provisional = (name: string) => name.includes('预排');
/** The kind a day can take: only a weekday can be a holiday, only a weekend day a make-up working day. */
const naturalKind = (day: string): Kind => (isWeekend(day) ? 'workday' : 'holiday');

/** 工作日历: the holidays and make-up working days of a year, in a twelve-month view and a list. */
export function CalendarTab() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const thisYear = Number(shanghaiToday().slice(0, 4));
  const years = useMemo(() => Array.from({ length: Math.max(thisYear, 2026) + 2 - 2026 + 1 }, (_, i) => 2026 + i), [thisYear]);
  const [year, setYear] = useState(() => Math.max(thisYear, 2026));
  const [data, setData] = useState<CalendarResponse | null>(null);
  const [version, setVersion] = useState(0);
  const [editing, setEditing] = useState<{ day: string; kind: Kind; name: string; exists: boolean } | null>(null);
  const fail = useCallback((e: unknown) => void message.error(errorText(e)), [message]);

  useEffect(() => {
    let live = true;
    setData(null);
    api<CalendarResponse>(`/calendar?year=${year}`).then((r) => live && setData(r)).catch(fail);
    return () => void (live = false);
  }, [year, version, fail]);

  const days = useMemo(() => data?.days ?? [], [data]);
  const marks = useMemo(() => dayMarks(days), [days]);
  const weekdays = t('set_weekdays').split(',');
  const weekday = (day: string) => `${t('set_weekdayPrefix')}${weekdays[weekdayOf(day)]}`;
  const hours = data ? data.workingHours.reduce((s, p) => s + periodMinutes(p), 0) / 60 : 0;
  const periods = data?.workingHours.map((p) => `${p.start}–${p.end}`).join(lang === 'en' ? ', ' : '、') ?? '';

  /** PUT the day; null when it saved, else the server's refusal as it words it (also shown as a message). */
  const setDay = async (day: string, kind: Kind, name: string): Promise<string | null> => {
    try {
      await api<CalendarDay>(`/calendar/days/${day}`, { method: 'PUT', body: { kind, name } });
      message.success(t('saved'));
      setVersion((v) => v + 1);
      return null;
    } catch (e) {
      fail(e);
      return errorText(e);
    }
  };
  const removeDay = async (day: string) => {
    try {
      await api(`/calendar/days/${day}`, { method: 'DELETE' });
      message.success(t('deleted'));
      setVersion((v) => v + 1);
      return true;
    } catch (e) {
      fail(e);
      return false;
    }
  };
  const openDay = (day: string) => {
    const stored = days.find((d) => d.day === day);
    setEditing(stored ? { ...stored, exists: true } : { day, kind: naturalKind(day), name: '', exists: false });
  };

  const columns: ExportColumn<CalendarDay>[] = [
    { title: t('set_date'), dataIndex: 'day', width: 150, render: (d: string) => <span><span className="code">{d}</span> <Typography.Text type="secondary">{weekday(d)}</Typography.Text></span> },
    // the badge says only 休 / 班; the sheet spells the kind out
    { title: t('type'), dataIndex: 'kind', width: 60, render: (k: Kind) => <span className={`cal-badge ${k}`}>{t(k === 'holiday' ? 'set_holidayShort' : 'set_workdayShort')}</span>,
      exportValue: (d) => t(d.kind === 'holiday' ? 'set_holiday' : 'set_workday') },
    { title: t('name'), dataIndex: 'name', render: (n: string) => (provisional(n) ? <Typography.Text type="warning" title={t('set_provisional')}>{n}</Typography.Text> : n) },
    { title: t('action'), key: 'actions', width: 110, noExport: true, render: (_, d) => (
      <Space size={0}>
        <Button type="link" size="small" onClick={() => openDay(d.day)}>{t('edit')}</Button>
        <Popconfirm title={t('set_removeDay', { day: d.day })} okText={t('delete')} cancelText={t('cancel')} okButtonProps={{ danger: true }} onConfirm={() => removeDay(d.day)}>
          <Button type="link" size="small" danger>{t('delete')}</Button>
        </Popconfirm>
      </Space>
    ) },
  ];

  return (
    <div data-testid="calendar-tab">
      <Space wrap align="center" style={{ marginBottom: 8 }}>
        <Typography.Text>{t('set_year')}</Typography.Text>
        <Select value={year} onChange={setYear} style={{ width: 110 }} data-testid="calendar-year"
          options={years.map((y) => ({ value: y, label: t('set_yearN', { y }) }))} />
        {data && <Typography.Text data-testid="working-hours">{t('set_workingHours', { periods, h: hours })}</Typography.Text>}
      </Space>
      {days.some((d) => provisional(d.name)) && <Alert type="warning" showIcon message={t('set_provisionalNote')} style={{ marginBottom: 12 }} data-testid="provisional-note" />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={15}>
          <Space size="middle" wrap style={{ marginBottom: 8, fontSize: 12 }}>
            <span><span className="cal-badge holiday">{t('set_holidayShort')}</span> {t('set_legendHoliday')}</span>
            <span><span className="cal-badge workday">{t('set_workdayShort')}</span> {t('set_legendWorkday')}</span>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('set_clickDayHint')}</Typography.Text>
          </Space>
          <YearView year={year} marks={marks} loading={!data} onPick={openDay} lang={lang} weekdays={weekdays} />
        </Col>
        <Col xs={24} xl={9}>
          <div style={{ display: 'flex', justifyContent: 'space-between', alignItems: 'baseline' }}>
            <Typography.Title level={5} style={{ marginTop: 0 }}>{t('set_exceptions')}</Typography.Title>
            <ExportTableButton title={`${t('set_calendar')}（${t('set_exceptions')}）`} note={t('set_yearN', { y: year })} columns={columns} rows={days} testId="export-calendar" />
          </div>
          <AddDayForm key={year} year={year} onAdd={setDay} />
          <Table<CalendarDay> size="small" rowKey="day" loading={!data} dataSource={days} pagination={false} data-testid="calendar-days"
            locale={{ emptyText: t('set_noExceptions') }}
            columns={columns} />
        </Col>
      </Row>
      <DayModal editing={editing} weekday={weekday} onClose={() => setEditing(null)}
        onSave={async (day, kind, name) => {
          const error = await setDay(day, kind, name);
          if (!error) setEditing(null);
          return error;
        }}
        onDelete={async (day) => void ((await removeDay(day)) && setEditing(null))} />
    </div>
  );
}

/** Twelve small months, Monday first, with 休 on holidays and 班 on make-up working days. */
function YearView({ year, marks, loading, onPick, lang, weekdays }: {
  year: number; marks: (day: string) => DayMark; loading: boolean; onPick(day: string): void; lang: string; weekdays: string[];
}) {
  const { t } = useI18n();
  const today = shanghaiToday();
  const monthName = (m: number) => (lang === 'en' ? new Intl.DateTimeFormat('en', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(year, m, 1))) : `${m + 1}月`);
  return (
    <div className="cal-year" data-testid="calendar-year-view" style={{ opacity: loading ? 0.4 : 1 }}>
      {Array.from({ length: 12 }, (_, m) => (
        <div key={m} className="cal-month">
          <div className="cal-month-title">{monthName(m)}</div>
          <div className="cal-grid">
            {weekdays.map((w, i) => <div key={w} className={`cal-head${i >= 5 ? ' weekend' : ''}`}>{w}</div>)}
            {monthCells(year, m).map((day, i) => {
              if (!day) return <div key={`blank-${i}`} />;
              const mark = marks(day);
              const title = mark.name ? `${day} ${mark.name}` : day;
              return (
                <button type="button" key={day} className={`cal-day ${mark.kind}${day === today ? ' today' : ''}`} title={title} data-day={day} data-kind={mark.kind}
                  onClick={() => onPick(day)}>
                  {Number(day.slice(8))}
                  {(mark.kind === 'holiday' || mark.kind === 'break') && <span className="cal-corner holiday">{t('set_holidayShort')}</span>}
                  {mark.kind === 'workday' && <span className="cal-corner workday">{t('set_workdayShort')}</span>}
                </button>
              );
            })}
          </div>
        </div>
      ))}
    </div>
  );
}

/** 添加: a date of the year, its kind (preset from the day of the week) and a name. */
function AddDayForm({ year, onAdd }: { year: number; onAdd(day: string, kind: Kind, name: string): Promise<string | null> }) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ day: string; kind: Kind; name: string }>();
  const [pickerKey, setPickerKey] = useState(0);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (v: { day: string; kind: Kind; name: string }) => {
    setBusy(true);
    const refused = await onAdd(v.day, v.kind, v.name.trim());
    setBusy(false);
    setError(refused);
    if (!refused) {
      form.resetFields();
      setPickerKey((k) => k + 1);
    }
  };
  return (
    <Form form={form} layout="vertical" onFinish={submit} onValuesChange={() => setError(null)} data-testid="add-day-form" requiredMark={false} initialValues={{ kind: 'holiday' }}
      style={{ padding: '12px 12px 0', marginBottom: 12, background: '#fafafa', border: '1px solid #f0f0f0', borderRadius: 4 }}>
      <Space align="start" wrap size={[12, 0]}>
        {/* the picker stays uncontrolled and the form keeps its 'YYYY-MM-DD' text; a new key clears it after adding */}
        <Form.Item name="day" label={t('set_date')} rules={[{ required: true, message: t('set_dateRequired') }]}
          getValueProps={() => ({})} getValueFromEvent={(_d: unknown, s: string | string[]) => (typeof s === 'string' && s ? s : undefined)}>
          <DatePicker key={pickerKey} style={{ width: 150 }} data-testid="add-day-date" disabledDate={(d) => d.year() !== year}
            onChange={(_, s) => typeof s === 'string' && s && form.setFieldValue('kind', naturalKind(s))} />
        </Form.Item>
        <Form.Item name="kind" label={t('type')}>
          <Select style={{ width: 230 }} data-testid="add-day-kind" options={[{ value: 'holiday', label: t('set_holiday') }, { value: 'workday', label: t('set_workday') }]} />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('set_nameRequired') }, { max: 40 }]}>
          <Input placeholder={t('set_namePlaceholder')} style={{ width: 240 }} data-testid="add-day-name" />
        </Form.Item>
        <Form.Item label=" ">
          <Button type="primary" htmlType="submit" loading={busy}>{t('add')}</Button>
        </Form.Item>
      </Space>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} data-testid="add-day-error" />}
    </Form>
  );
}

function DayModal({ editing, weekday, onClose, onSave, onDelete }: {
  editing: { day: string; kind: Kind; name: string; exists: boolean } | null;
  weekday(day: string): string;
  onClose(): void;
  onSave(day: string, kind: Kind, name: string): Promise<string | null>;
  onDelete(day: string): Promise<void>;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ kind: Kind; name: string }>();
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setError(null);
    if (editing) form.setFieldsValue({ kind: editing.kind, name: editing.name });
  }, [editing, form]);
  const day = editing?.day ?? '';
  return (
    <Modal open={!!editing} title={`${t('set_dayTitle', { day })}（${day ? weekday(day) : ''}${day && isWeekend(day) ? ` · ${t('set_weekend')}` : ''}）`} onCancel={onClose} destroyOnHidden
      okText={t('save')} cancelText={t('cancel')} onOk={async () => {
        const v = await form.validateFields();
        setError(await onSave(day, v.kind, v.name.trim()));
      }}
      footer={(buttons) => (
        <Space>
          {editing?.exists && (
            <Popconfirm title={t('set_removeDay', { day })} okText={t('delete')} cancelText={t('cancel')} okButtonProps={{ danger: true }} onConfirm={() => onDelete(day)}>
              <Button danger>{t('delete')}</Button>
            </Popconfirm>
          )}
          {buttons}
        </Space>
      )}>
      <Form form={form} layout="vertical" data-testid="day-form" requiredMark={false} onValuesChange={() => setError(null)}>
        <Form.Item name="kind" label={t('type')}>
          <Radio.Group options={[{ value: 'holiday', label: t('set_holiday') }, { value: 'workday', label: t('set_workday') }]} />
        </Form.Item>
        <Form.Item name="name" label={t('name')} rules={[{ required: true, whitespace: true, message: t('set_nameRequired') }, { max: 40 }]}>
          <Input placeholder={t('set_namePlaceholder')} />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
