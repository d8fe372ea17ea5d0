import type { FeatureCollection, PublicCategory } from '@gongzhi/contracts';
import { Button, Layout, Space, Typography } from 'antd';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import { LanguageSwitch } from '../../app/LanguageSwitch';
import { useI18n, type MessageKey } from '../../app/i18n';
import { hrefOf, type PublicPage } from '../../app/pages';
import { useIsPhone } from '../../app/responsive';

type FC = FeatureCollection<{ code: string; name: string }>;

/** The district and its streets for the public maps (GET /public/outline: no sign-in). */
export function usePublicOutline() {
  const [outline, setOutline] = useState<{ county: FC | null; streets: FC | null }>({ county: null, streets: null });
  useEffect(() => {
    let live = true;
    api<{ county: FC; streets: FC }>('/public/outline').then((o) => live && setOutline(o)).catch(() => undefined);
    return () => void (live = false);
  }, []);
  return outline;
}

/** The categories an anonymous report may name, as a cascader tree (class → type). */
export function usePublicCategoryOptions(onError: (e: unknown) => void) {
  const { t, lang } = useI18n();
  const [items, setItems] = useState<PublicCategory[]>([]);
  useEffect(() => {
    let live = true;
    api<{ items: PublicCategory[] }>('/public/categories').then((r) => live && setItems(r.items)).catch(onError);
    return () => void (live = false);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  return useMemo(() => {
    const en = lang === 'en';
    const groups = new Map<string, { label: string; children: { value: string; label: string }[] }>();
    for (const c of items) {
      const code = c.code.slice(0, 3);
      const g = groups.get(code) ?? { label: en ? c.parentNameEn : c.parentName, children: [] };
      g.children.push({ value: c.code, label: en ? c.nameEn : c.name });
      groups.set(code, g);
    }
    const kinds: Record<string, MessageKey> = { C: 'kind_component', E: 'kind_event', S: 'kind_social' };
    const labels = [...groups.values()].map((g) => g.label);
    return [...groups].map(([code, g]) => ({
      value: code,
      label: labels.filter((l) => l === g.label).length > 1 ? `${g.label}（${t(kinds[code[0]!]!)}）` : g.label,
      children: g.children,
    }));
  }, [items, lang, t]);
}

/** A phone-width column that scrolls, like the report page. */
export function PageColumn({ children }: { children: ReactNode }) {
  const phone = useIsPhone();
  return (
    <div style={{ height: '100%', overflow: 'auto', background: '#f5f6f8' }}>
      <div style={{ maxWidth: 640, margin: '0 auto', padding: phone ? 8 : 16 }}>{children}</div>
    </div>
  );
}

/** The frame of the pages anyone may open without signing in: a slim bar with the three public pages and the sign-in. */
export function PublicShell({ page, children }: { page: PublicPage; children: ReactNode }) {
  const { t } = useI18n();
  const phone = useIsPhone();
  const links: Array<[PublicPage, MessageKey]> = [['anonymous', 'pub_anonymous'], ['lookup', 'pub_lookup'], ['public-map', 'pub_map']];
  return (
    <Layout style={{ height: '100%' }}>
      <Layout.Header style={{ display: 'flex', alignItems: 'center', gap: 8, background: '#a40e25', padding: phone ? '4px 8px' : '0 20px', height: 'auto', minHeight: 52, flexWrap: 'wrap', lineHeight: 'normal' }}>
        <Typography.Title level={4} style={{ color: '#fff', margin: 0, whiteSpace: 'nowrap', marginRight: 4 }}>共治</Typography.Title>
        <Space size={0} wrap style={{ flex: 1 }}>
          {links.map(([p, label]) => (
            <Button key={p} type="text" size={phone ? 'small' : 'middle'} href={hrefOf(p)} data-testid={`public-nav-${p}`}
              style={{ color: '#fff', fontWeight: page === p ? 700 : 400, textDecoration: page === p ? 'underline' : 'none', textUnderlineOffset: 6 }}>{t(label)}</Button>
          ))}
        </Space>
        <Space size={6}>
          <LanguageSwitch />
          <Button size="small" href="#/">{t('pub_signIn')}</Button>
        </Space>
      </Layout.Header>
      <Layout.Content style={{ position: 'relative', overflow: 'hidden', display: 'flex', flexDirection: 'column' }}>{children}</Layout.Content>
    </Layout>
  );
}
