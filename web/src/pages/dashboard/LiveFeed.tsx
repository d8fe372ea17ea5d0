import { shortDivisionName } from '@gongzhi/contracts';
import { Card, Empty, Tag, theme } from 'antd';
import { caseHref } from '../../app/pages';
import { useDashText } from './strings';
import type { CaseEvent } from './useCaseEvents';

const time = (at: string) => new Date(at).toLocaleTimeString('zh-CN', { hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false });

/** 实时动态: new reports and escalations as they happen, newest first. */
export function LiveFeed({ events, height, big }: { events: CaseEvent[]; height: number | string; big?: boolean }) {
  const s = useDashText();
  const { token } = theme.useToken();
  const font = big ? 18 : 13;
  return (
    <Card size="small" title={<span style={{ fontSize: big ? 22 : undefined }}>{s('feed')}</span>} styles={{ body: { height, overflowY: 'auto', padding: '4px 12px' } }} data-testid="live-feed">
      {events.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={s('feedEmpty')} />}
      {events.map((e) => (
        <a key={`${e.kind}-${e.id}-${e.at}`} href={caseHref(e.id)} data-testid="feed-item"
          style={{ display: 'block', padding: '6px 0', borderBottom: `1px solid ${token.colorBorderSecondary}`, color: token.colorText, fontSize: font }}>
          <div style={{ display: 'flex', gap: 6, alignItems: 'center', whiteSpace: 'nowrap' }}>
            <Tag color={e.kind === 'escalated' ? 'volcano' : 'blue'} style={{ fontSize: big ? 15 : undefined, marginInlineEnd: 0 }}>{s(e.kind === 'escalated' ? 'kindEscalated' : 'kindReported')}</Tag>
            <span style={{ color: token.colorTextSecondary, fontVariantNumeric: 'tabular-nums' }}>{time(e.at)}</span>
            <span style={{ overflow: 'hidden', textOverflow: 'ellipsis' }}>{e.categoryName} · {e.streetName}{e.communityName ? ` ${shortDivisionName(e.communityName)}` : ''}</span>
          </div>
          <div style={{ color: token.colorTextSecondary, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>{e.description}</div>
        </a>
      ))}
    </Card>
  );
}
