import { coversCode, scopeGridRange, significantPrefix, type Principal } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';

/**
 * The grid-code range a listing covers: the principal's jurisdiction, narrowed to `region` when one
 * is asked for. A region outside the jurisdiction is not found (it is not revealed to exist).
 */
export function listingRange(actor: Principal, region: string | undefined): [string, string] {
  if (!region) return scopeGridRange(actor);
  if (!coversCode(actor.scopeCode, region) && !coversCode(region, actor.scopeCode)) throw notFound('region.not_found', { code: region });
  // a region above the jurisdiction lists the jurisdiction; one inside it lists just that region
  if (coversCode(region, actor.scopeCode)) return scopeGridRange(actor);
  const prefix = significantPrefix(region);
  return [prefix.padEnd(15, '0'), prefix.padEnd(15, '9')];
}

/** The standard address of a dwelling as people write it: 新华小区 3号楼 2单元 301室. */
export function dwellingAddress(estate: string | null, building: string | null, unitNo: string | null, roomNo: string | null): string | null {
  if (!estate || !building || !roomNo) return null;
  return [estate, building, unitNo ? `${unitNo}单元` : '', `${roomNo}室`].filter(Boolean).join(' ');
}
