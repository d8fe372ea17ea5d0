import { caseStates, type CaseState, type LikelyDuplicate, type SimilarCasesResponse } from '@gongzhi/contracts';
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requireAnyPermission, type Principal } from '../../platform/access.js';
import { cachedCategories, reportableCategory } from './categories.service.js';
import { duplicateDefaults } from './category-defaults.js';
import { stateNames } from './case-labels.js';
import { likelyDuplicates, publicExcerpt, type Candidate, type DuplicateWindow } from './duplicates.js';
import { visibleTo } from './queries.service.js';
import { isOpen } from './state-machine.js';

const openStates = caseStates.filter(isOpen);
/** Nearest candidates read per report before the text rule scores them. */
const candidateLimit = 30;

export function windowOf(c: { code: string; duplicate_radius_m: number | null; duplicate_window_hours: number | null }): DuplicateWindow {
  const d = duplicateDefaults(c.code);
  return { radiusM: c.duplicate_radius_m ?? d.radiusM, windowHours: c.duplicate_window_hours ?? d.windowHours };
}

/** A box around a point that holds every point within `radiusM` (for the GiST index on cases.location). */
function envelope(lng: number, lat: number, radiusM: number) {
  const dLat = (radiusM / 111_320) * 1.01;
  const dLng = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 0.01);
  return sql`st_makeenvelope(${lng - dLng}::float8, ${lat - dLat}::float8, ${lng + dLng}::float8, ${lat + dLat}::float8, 4326)`;
}

type CandidateRow = { id: string; number: string; category_code: string; state: string; description: string; reported_at: Date | string; distance_m: number; category_name: string };
const toCandidate = (r: CandidateRow): Candidate => ({
  id: r.id, number: r.number, categoryCode: r.category_code, state: r.state as CaseState, description: r.description, reportedAt: new Date(r.reported_at), distanceM: Number(r.distance_m),
});

export interface SimilarQuery {
  categoryCode: string;
  lng: number;
  lat: number;
  description: string;
  at?: Date;
}

/**
 * Open cases that a report about to be made likely repeats (“已有人反映，可关注此事项”). Staff see
 * candidates inside their jurisdiction, as case lists do; a citizen (or a key that may only report)
 * sees candidates anywhere in a public-safe view (number, category, state, date, distance, the first
 * 40 characters), and nothing of sensitive categories.
 */
export async function similarOpenCases(db: Kysely<DB>, actor: Principal | null, q: SimilarQuery): Promise<SimilarCasesResponse> {
  const p = requireAnyPermission(actor, ['case:report', 'case:read']);
  const category = await reportableCategory(db, q.categoryCode);
  const window = windowOf(category);
  const publicView = p.role === 'citizen' || !p.permissions.has('case:read');
  if (publicView && category.sensitive) return { items: [], ...window };
  const at = q.at ?? new Date();
  const point = sql`st_setsrid(st_point(${q.lng}::float8, ${q.lat}::float8), 4326)`;
  const visible: Expression<SqlBool> = publicView ? sql<SqlBool>`not k.sensitive` : visibleTo(p);
  const { rows } = await sql<CandidateRow>`
    select c.id, c.number, c.category_code, c.state, c.description, c.reported_at, k.name as category_name,
           st_distance(c.location::geography, ${point}::geography) as distance_m
    from cases c join case_categories k on k.code = c.category_code
    where c.category_code = ${category.code} and c.state in (${sql.join(openStates)})
      and c.reported_at <= ${at.toISOString()}::timestamptz and c.reported_at >= ${at.toISOString()}::timestamptz - make_interval(hours => ${window.windowHours}::int)
      and c.location && ${envelope(q.lng, q.lat, window.radiusM)}
      and st_dwithin(c.location::geography, ${point}::geography, ${window.radiusM}::float8)
      and ${visible}
    order by distance_m limit ${candidateLimit}`.execute(db);
  const scored = likelyDuplicates({ categoryCode: category.code, description: q.description, at }, rows.map(toCandidate), window);
  return {
    ...window,
    items: scored.map((c) => ({
      id: publicView ? null : c.id,
      number: c.number,
      categoryCode: c.categoryCode,
      categoryName: category.name,
      state: c.state,
      stateName: stateNames[c.state],
      reportedAt: c.reportedAt.toISOString(),
      description: publicView ? publicExcerpt(c.description) : c.description,
      distanceM: Math.round(c.distanceM),
      similarity: c.similarity,
    })),
  };
}

/**
 * The likely duplicate of each reported case among `cases` (an inbox page): one query reads the
 * nearest older open cases of the same category, inside each report's radius and window and inside
 * what the principal may see; the text rule picks the best.
 */
export async function flagLikelyDuplicates(
  db: Kysely<DB>,
  p: Principal,
  cases: ReadonlyArray<{ id: string; state: string; category_code: string; description: string; reported_at: Date | string }>,
): Promise<Map<string, LikelyDuplicate>> {
  const reported = cases.filter((c) => c.state === 'reported');
  const flags = new Map<string, LikelyDuplicate>();
  if (reported.length === 0) return flags;
  const categories = await cachedCategories(db);
  const windows = reported.map((c) => windowOf(categories.get(c.category_code) ?? { code: c.category_code, duplicate_radius_m: null, duplicate_window_hours: null }));
  const { rows } = await sql<CandidateRow & { for_id: string }>`
    select w.id as for_id, c.id, c.number, c.category_code, c.state, c.description, c.reported_at, '' as category_name, c.distance_m
    from unnest(${reported.map((c) => c.id)}::uuid[], ${windows.map((w) => w.radiusM)}::int[], ${windows.map((w) => w.windowHours)}::int[]) as w(id, radius_m, hours)
    join cases n on n.id = w.id
    cross join lateral (
      select c.*, st_distance(c.location::geography, n.location::geography) as distance_m
      from cases c
      where c.category_code = n.category_code and c.id <> n.id and c.state in (${sql.join(openStates)})
        and c.reported_at < n.reported_at and c.reported_at >= n.reported_at - make_interval(hours => w.hours)
        and c.location && st_expand(n.location, w.radius_m / 111320.0 * 1.01 / greatest(cos(radians(st_y(n.location))), 0.01))
        and st_dwithin(c.location::geography, n.location::geography, w.radius_m)
        and ${visibleTo(p)}
      order by c.location <-> n.location limit ${candidateLimit}
    ) c`.execute(db);
  reported.forEach((n, i) => {
    const [best] = likelyDuplicates(
      { id: n.id, categoryCode: n.category_code, description: n.description, at: new Date(n.reported_at) },
      rows.filter((r) => r.for_id === n.id).map(toCandidate),
      windows[i]!,
    );
    if (best) flags.set(n.id, { id: best.id, number: best.number, distanceM: Math.round(best.distanceM), similarity: best.similarity });
  });
  return flags;
}
