import { useEffect, useState } from 'react';

export type Page = 'map' | 'accounts' | 'cases' | 'case' | 'report' | 'settings' | 'basedata' | 'person' | 'dwelling' | 'organisation' | 'collect' | 'dashboard' | 'bigscreen' | PublicPage;
/** Pages anyone may open without signing in: #/anonymous (匿名反映), #/lookup (查询进度), #/public-map (身边的反映). */
export type PublicPage = 'anonymous' | 'lookup' | 'public-map';
export const publicPages: readonly Page[] = ['anonymous', 'lookup', 'public-map'];
/** Pages that show one record (their id is in the hash). */
export type RecordPage = 'case' | 'person' | 'dwelling' | 'organisation';
export interface Route {
  page: Page;
  /** The case id on #/cases/<id>; the record id on #/basedata/people/<id> …; the tab on #/basedata/<tab>. */
  id: string | null;
}

const basedataRecords: Record<string, RecordPage> = { people: 'person', dwellings: 'dwelling', organisations: 'organisation' };

/**
 * #/ → map, #/accounts, #/cases, #/cases/<id>, #/report, #/settings, #/collect, #/dashboard, #/bigscreen, #/basedata[/<tab>],
 * #/basedata/people/<id>, #/basedata/dwellings/<id>, #/basedata/organisations/<id>; anything else is the map.
 */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean);
  const [first, second] = parts;
  if (first === 'accounts') return { page: 'accounts', id: null };
  if (first === 'report') return { page: 'report', id: null };
  if (first === 'settings') return { page: 'settings', id: null };
  if (first === 'cases') return second ? { page: 'case', id: decodeURIComponent(second) } : { page: 'cases', id: null };
  if (first === 'collect') return { page: 'collect', id: null };
  if (first === 'dashboard' || first === 'bigscreen') return { page: first, id: null };
  if (first && publicPages.includes(first as Page)) return { page: first as Page, id: null };
  if (first === 'basedata') {
    const record = second ? basedataRecords[second] : undefined;
    if (record && parts[2]) return { page: record, id: decodeURIComponent(parts[2]) };
    return { page: 'basedata', id: second ?? null };
  }
  return { page: 'map', id: null };
}

export const hrefOf = (page: Exclude<Page, RecordPage>) => (page === 'map' ? '#/' : `#/${page}`);
export const personHref = (id: string) => `#/basedata/people/${id}`;
export const dwellingHref = (id: string) => `#/basedata/dwellings/${id}`;
export const organisationHref = (id: string) => `#/basedata/organisations/${id}`;
export const basedataTabHref = (tab: string) => `#/basedata/${tab}`;
export const caseHref = (id: string) => `#/cases/${id}`;
export const navigate = (href: string) => void (window.location.hash = href);

/** The screen lives in the URL hash (#/accounts, #/cases/<id>), so a reload or a shared link keeps it. */
export function useHashRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}
