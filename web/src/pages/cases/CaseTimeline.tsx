import { roles, type CaseDetail, type TimelineEntry } from '@gongzhi/contracts';
import { Space, Timeline, Typography } from 'antd';
import { useI18n, type MessageKey } from '../../app/i18n';
import { StateTag } from './bits';
import { formatTime } from './format';
import { Photos } from './photos';

const [grey, blue, orange, red, green] = ['#bfbfbf', '#1677ff', '#fa8c16', '#f5222d', '#52c41a'];
const colourOf: Partial<Record<TimelineEntry['action'], string>> = {
  report: grey, reject: grey, merge: grey, merged_in: grey,
  return: orange, rework: orange, remind: orange, urge: orange, request_extension: orange, request_suspension: orange,
  overdue: red, auto_escalate: red, escalate: red,
  close: green, rate: green, assist_done: green,
};

/** What an entry's detail says, in words: days asked for, the decision, the rating. */
function detailText(e: TimelineEntry, t: ReturnType<typeof useI18n>['t']): string[] {
  const out: string[] = [];
  const d = e.detail;
  if (typeof d.workingDays === 'number') out.push(t('daysN', { n: d.workingDays }));
  if (typeof d.approve === 'boolean') out.push(t(d.approve ? 'decided_approved' : 'decided_refused'));
  if (typeof d.rating === 'string') out.push(t(`rating_${d.rating}` as MessageKey));
  if (typeof d.reason === 'string' && d.reason !== e.note) out.push(d.reason);
  if (typeof d.targetNumber === 'string') out.push(d.targetNumber);
  return out;
}

/** 办理过程: every step of the case, oldest first: who did what, in which unit, when, with what note and photos. */
export function CaseTimeline({ detail }: { detail: CaseDetail }) {
  const { t, lang } = useI18n();
  const paren = (x: string) => (lang === 'en' ? ` (${x})` : `（${x}）`);
  const entries = [...detail.timeline].sort((a, b) => a.at.localeCompare(b.at));
  // the platform's own steps (reminders, escalations, automatic dispatch) read 系统, without a role
  const actorText = (e: (typeof entries)[number]) => {
    if (e.actorRole === 'system') return t('systemActor');
    if (!e.actorName) return null;
    return `${e.actorName}${e.actorRole ? paren((roles as readonly string[]).includes(e.actorRole) ? t(`role_${e.actorRole}` as MessageKey) : e.actorRole) : ''}`;
  };
  return (
    <Timeline data-testid="case-timeline" style={{ marginTop: 8 }}
      items={entries.map((e) => ({
        key: e.id,
        color: colourOf[e.action] ?? blue,
        children: (
          <div data-testid="timeline-entry">
            <Space size={6} wrap>
              <Typography.Text strong>{t(`act_${e.action}` as MessageKey)}</Typography.Text>
              {e.toState && e.toState !== e.fromState && <StateTag state={e.toState} />}
            </Space>
            <div style={{ color: '#888', fontSize: 12 }}>
              {[formatTime(e.at), actorText(e), e.unit?.name].filter(Boolean).join(' · ')}
            </div>
            {[...detailText(e, t), e.note].filter(Boolean).map((line, i) => <div key={i} style={{ whiteSpace: 'pre-wrap' }}>{line}</div>)}
            {e.photoIds.length > 0 && <div style={{ marginTop: 4 }}><Photos ids={e.photoIds} size={56} /></div>}
          </div>
        ),
      }))}
    />
  );
}
