import { useEffect, useState } from 'react';

export type Page = 'map' | 'accounts' | 'cases' | 'case' | 'report' | 'settings';
export interface Route {
  page: Page;
  /** The case id on #/cases/<id>. */
  id: string | null;
}

/** #/ → map, #/accounts, #/cases, #/cases/<id>, #/report, #/settings; anything else is the map. */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean);
  const [first, second] = parts;
  if (first === 'accounts') return { page: 'accounts', id: null };
  if (first === 'report') return { page: 'report', id: null };
  if (first === 'settings') return { page: 'settings', id: null };
  if (first === 'cases') return second ? { page: 'case', id: decodeURIComponent(second) } : { page: 'cases', id: null };
  return { page: 'map', id: null };
}

export const hrefOf = (page: Exclude<Page, 'case'>) => (page === 'map' ? '#/' : `#/${page}`);
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
