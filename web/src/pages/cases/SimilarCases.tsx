import type { SimilarCasesResponse } from '@gongzhi/contracts';
import { Alert, App, Button, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api, errorText } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { caseHref, navigate } from '../../app/pages';
import { useSession } from '../../app/session';
import { formatTime } from './format';

/**
 * 已有人反映，可关注此事项: while a report is being written, the open cases nearby of the same category in
 * similar words (GET /cases/similar). The reporter may drop their report instead of sending a second one.
 */
export function SimilarCases({ categoryCode, description, point, onDrop }: { categoryCode?: string; description?: string; point: [number, number] | null; onDrop: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { user } = useSession();
  const [following, setFollowing] = useState<string | null>(null);
  const [found, setFound] = useState<SimilarCasesResponse['items']>([]);
  const text = description?.trim() ?? '';
  useEffect(() => {
    if (!categoryCode || !point || text.length < 5) return setFound([]);
    let live = true;
    const timer = setTimeout(() => {
      const q = new URLSearchParams({ categoryCode, description: text, lng: String(point[0]), lat: String(point[1]) });
      api<SimilarCasesResponse>(`/cases/similar?${q}`).then((r) => live && setFound(r.items), () => live && setFound([]));
    }, 600);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [categoryCode, text, point]);
  // a citizen follows the existing case instead of reporting it again (POST /cases/:number/follow) and goes to it
  const follow = (number: string) => {
    if (!point) return;
    setFollowing(number);
    api(`/cases/${number}/follow`, { method: 'POST', body: { lng: point[0], lat: point[1] } })
      .then(() => {
        void message.success(t('similarFollowed', { n: number }));
        onDrop();
        navigate(caseHref(number));
      })
      .catch((e: unknown) => void message.error(errorText(e)))
      .finally(() => setFollowing(null));
  };
  if (found.length === 0) return null;
  return (
    <Alert type="info" showIcon data-testid="similar-cases" style={{ marginBottom: 16 }} message={t('similarFound')}
      description={
        <>
          {found.map((c) => (
            <div key={c.number} style={{ marginBottom: 4 }}>
              {c.id ? <a className="code" href={caseHref(c.id)}>{c.number}</a> : <span className="code">{c.number}</span>}
              {' · '}{c.stateName} · {t('similarDistance', { m: c.distanceM })} · {formatTime(c.reportedAt)}
              <Typography.Text type="secondary" style={{ display: 'block' }}>{c.description}</Typography.Text>
              {user?.role === 'citizen' && (
                <Button size="small" type="primary" ghost style={{ marginTop: 4 }} loading={following === c.number} data-testid="follow-case" onClick={() => follow(c.number)}>{t('similarFollow')}</Button>
              )}
            </div>
          ))}
          <Button size="small" onClick={onDrop}>{t('similarDrop')}</Button>
        </>
      } />
  );
}
