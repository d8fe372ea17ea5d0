import { useEffect, useState } from 'react';

export type Page = 'map' | 'accounts';

/** The screen lives in the URL hash (#/accounts), so a reload or a shared link keeps it. */
export function useHashPage(): [Page, (p: Page) => void] {
  const read = (): Page => (window.location.hash === '#/accounts' ? 'accounts' : 'map');
  const [page, setPage] = useState<Page>(read);
  useEffect(() => {
    const onChange = () => setPage(read());
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return [page, (p) => void (window.location.hash = p === 'map' ? '#/' : `#/${p}`)];
}
