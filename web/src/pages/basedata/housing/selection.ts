import { basedataTabHref } from '../../../app/pages';

/** The housing tab with a building open: #/basedata/housing?building=<id> (the route reads only the tab). */
export const housingHref = (building: string | null) => (building ? `${basedataTabHref('housing')}?building=${encodeURIComponent(building)}` : basedataTabHref('housing'));

/** The building named in the hash, if any. */
export function housingSelection(hash = window.location.hash): { building: string | null } {
  const query = hash.split('?')[1] ?? '';
  return { building: new URLSearchParams(query).get('building') };
}
