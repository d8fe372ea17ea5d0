import type { CaseDetail } from '@gongzhi/contracts';
import { App, Button, Card, Col, Descriptions, Empty, List, Result, Row, Space, Spin, Tag, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { api, ApiError, errorText } from '../../api/client';
import { useI18n, type MessageKey } from '../../app/i18n';
import { hrefOf, navigate } from '../../app/pages';
import { useIsPhone } from '../../app/responsive';
import { can, useSession } from '../../app/session';
import { GovMap } from '../../components/map/GovMap';
import { StateTag, useSurroundings } from './bits';
import { CaseActions } from './CaseActions';
import { CaseTimeline } from './CaseTimeline';
import { DuplicateNotice } from './DuplicateNotice';
import { formatMinutesLeft, formatTime } from './format';
import { Photos } from './photos';
import { ReportAnswers } from './ReportFields';
import { useCategories } from './reference';

/** One case: what, where and how urgent; who has it and until when; what happened so far; what I may do now. */
export function CasePage({ id }: { id: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const categories = useCategories();
  const { user } = useSession();
  const phone = useIsPhone();
  const [detail, setDetail] = useState<CaseDetail | null>(null);
  const [failure, setFailure] = useState<ApiError | Error | null>(null);
  const [mergeAsked, setMergeAsked] = useState(0);
  const load = useCallback(() => {
    api<CaseDetail>(`/cases/${id}`).then(setDetail).catch((e: unknown) => {
      setFailure(e instanceof Error ? e : new Error(String(e)));
      message.error(errorText(e));
    });
  }, [id, message]);
  useEffect(load, [load]);
  const surroundings = useSurroundings(detail?.streetCode ?? null, detail?.communityCode ?? null, can(user, 'grid:read'));
  const pin = useMemo<[number, number] | null>(() => (detail ? [detail.lng, detail.lat] : null), [detail?.lng, detail?.lat]); // eslint-disable-line react-hooks/exhaustive-deps

  if (!detail) {
    if (failure) return <Result status={failure instanceof ApiError && failure.status === 404 ? '404' : failure instanceof ApiError && failure.status === 403 ? '403' : 'error'} subTitle={failure.message}
      extra={<Button onClick={() => navigate(hrefOf('cases'))}>{t('backToCases')}</Button>} />;
    return <Spin style={{ display: 'block', marginTop: 80 }} />;
  }
  const d = detail;
  // the server names categories in Chinese; in English the category table has the names
  const minor = lang === 'en' ? categories.find((c) => c.code === d.categoryCode) : undefined;
  const major = minor?.parentCode ? categories.find((c) => c.code === minor.parentCode) : undefined;
  const categoryText = minor ? [major?.nameEn, minor.nameEn].filter(Boolean).join(' / ') : d.categoryPath.length ? d.categoryPath.join(' / ') : d.categoryName;
  const left = d.stageMinutesLeft;
  const pad = phone ? 8 : 16;
  const items = [
    { key: 'category', label: t('category'), children: categoryText },
    { key: 'priority', label: t('priority'), children: <Tag color={d.priority === 'normal' ? 'default' : d.priority === 'urgent' ? 'orange' : 'red'}>{t(`prio_${d.priority}` as MessageKey)}</Tag> },
    { key: 'level', label: t('level'), children: t(`level_${d.level}` as MessageKey) },
    { key: 'lead', label: t('leadUnit'), children: d.leadUnit?.name ?? '—' },
    { key: 'source', label: t('source'), children: t(`src_${d.source}` as MessageKey) },
    { key: 'reporter', label: t('reporter'), children: `${d.reporterName ?? '—'} · ${formatTime(d.reportedAt)}` },
    { key: 'location', label: t('location'), children: [d.streetName, d.communityName, d.gridCode].filter(Boolean).join(' · ') },
    { key: 'stage', label: t('currentStage'), children: d.stage ? `${t(`stage_${d.stage}` as MessageKey)} · ${t('deadline')} ${formatTime(d.stageDueAt)}` : '—' },
    { key: 'left', label: t('timeLeft'), children: <Typography.Text data-testid="time-left" type={left !== null && left < 0 ? 'danger' : undefined} strong={left !== null && left < 0}>{formatMinutesLeft(left, t)}</Typography.Text> },
    ...(d.closedAt ? [{ key: 'closed', label: t('state_closed'), children: formatTime(d.closedAt) }] : []),
    ...(d.rating ? [{ key: 'rating', label: t('rating'), children: <span data-testid="case-rating">{t(`rating_${d.rating}` as MessageKey)}{d.ratingNote ? ` · ${d.ratingNote}` : ''}</span> }] : []),
    ...(d.mergedInto ? [{ key: 'merged', label: t('mergedInto'), children: <span className="code">{d.mergedInto}</span> }] : []),
    ...(d.returnedCount + d.reworkCount + d.escalationCount > 0 ? [{ key: 'counts', label: '', children: t('counts', { r: d.returnedCount, w: d.reworkCount, e: d.escalationCount }) }] : []),
  ];

  return (
    <div style={{ height: '100%', overflow: 'auto', background: '#f5f6f8' }} data-testid="case-page">
      <div style={{ maxWidth: 1280, margin: '0 auto', padding: pad, display: 'flex', flexDirection: 'column', gap: pad }}>
        <a href={hrefOf('cases')}>← {t('backToCases')}</a>
        <Card size={phone ? 'small' : 'default'}>
          <Space wrap align="center" style={{ marginBottom: 12 }}>
            <Typography.Title level={phone ? 5 : 4} style={{ margin: 0 }} className="code" data-testid="case-number">{d.number}</Typography.Title>
            <StateTag state={d.state} overdue={d.overdue} testId="case-state" />
          </Space>
          {d.likelyDuplicateOf && <DuplicateNotice of={d.likelyDuplicateOf}
            onMerge={d.allowedActions.includes('merge') ? () => setMergeAsked((n) => n + 1) : undefined} />}
          <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }} items={items} />
          <div style={{ marginTop: 12 }}>
            <CaseActions detail={d} onDone={setDetail} onStale={load} mergeAsked={mergeAsked} />
          </div>
        </Card>
        <Row gutter={[pad, pad]}>
          <Col xs={24} lg={14}>
            <Space direction="vertical" size={pad} style={{ width: '100%' }}>
              <Card size="small" title={t('description')}>
                <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }} data-testid="case-description">{d.description}</Typography.Paragraph>
                {d.address && <Typography.Paragraph type="secondary">{t('address')}：{d.address}</Typography.Paragraph>}
                <ReportAnswers categoryCode={d.categoryCode} answers={d.timeline.find((e) => e.action === 'report')?.detail.attributes} />
                <Photos ids={d.photoIds} size={phone ? 64 : 88} />
              </Card>
              <Card size="small" title={t('units')}>
                {d.units.length === 0 ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> : (
                  <List size="small" dataSource={d.units} data-testid="case-units" renderItem={(u) => (
                    <List.Item>
                      <Space><Tag color={u.role === 'lead' ? 'red' : 'blue'}>{t(`role_${u.role}` as MessageKey)}</Tag>{u.name}</Space>
                      <Tag>{t(`unitState_${u.state}` as MessageKey)}</Tag>
                    </List.Item>
                  )} />
                )}
              </Card>
              {d.requests.length > 0 && (
                <Card size="small" title={t('requests')}>
                  <List size="small" dataSource={d.requests} renderItem={(r) => (
                    <List.Item>
                      <div style={{ flex: 1 }}>
                        <Space wrap>
                          <Typography.Text strong>{t(`req_${r.kind}` as MessageKey)}{r.workingDays ? ` · ${t('daysN', { n: r.workingDays })}` : ''}</Typography.Text>
                          <Tag color={r.decision === 'approved' ? 'green' : r.decision === 'refused' ? 'red' : r.decision === 'lapsed' ? 'default' : 'gold'}>{t(`decided_${r.decision ?? 'pending'}` as MessageKey)}</Tag>
                        </Space>
                        <div>{r.reason}</div>
                        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                          {r.requestedBy} · {formatTime(r.requestedAt)}{r.decidedBy ? ` → ${r.decidedBy} · ${formatTime(r.decidedAt)}` : ''}
                        </Typography.Text>
                      </div>
                    </List.Item>
                  )} />
                </Card>
              )}
            </Space>
          </Col>
          <Col xs={24} lg={10}>
            <Space direction="vertical" size={pad} style={{ width: '100%' }}>
              <Card size="small" title={t('location')} styles={{ body: { padding: 0 } }}>
                <div style={{ position: 'relative', height: phone ? 220 : 280 }}>
                  <GovMap communities={surroundings.communities} grids={surroundings.grids} selectedGrid={d.gridCode} pin={pin} center={pin} testId="case-map" />
                </div>
              </Card>
              <Card size="small" title={t('timeline')}>
                <CaseTimeline detail={d} />
              </Card>
            </Space>
          </Col>
        </Row>
      </div>
    </div>
  );
}

