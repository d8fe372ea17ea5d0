import { sql, type Kysely, type Selectable } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requirePermission, scopeGridRange, type Principal } from '../../platform/access.js';
import { notFound } from '../../platform/errors.js';
import { piiHash, type PiiKeys } from '../../platform/pii.js';
import { queryGrams } from './grams.js';
import { normalizePhone, parseUscc } from './identity.js';
import { provenanceOf } from './provenance.service.js';
import { listingRange } from './scope.js';
import { visitsOf } from './visits.service.js';
import { extraValues } from './record-columns.js';

const columns = ['id', 'name', 'uscc', 'org_type', 'industry', 'address', 'legal_rep', 'head_count', 'phone_masked', 'grid_code'] as const;
type OrgRow = Selectable<DB['organisations']>;
type ListedOrg = Pick<OrgRow, (typeof columns)[number]>;
const present = (o: ListedOrg) => ({
  id: o.id, name: o.name, uscc: o.uscc, orgType: o.org_type, industry: o.industry, address: o.address, legalRep: o.legal_rep, headCount: o.head_count, phoneMasked: o.phone_masked, gridCode: o.grid_code,
});

export interface OrgQuery {
  q?: string | undefined;
  region?: string | undefined;
  type?: DB['organisations']['org_type'] | undefined;
  page: number;
  pageSize: number;
}

/** Organisations inside the jurisdiction; `q` is a credit code (exact), a phone (exact) or part of the name. */
export async function listOrganisations(db: Kysely<DB>, pii: PiiKeys, actor: Principal | null, f: OrgQuery) {
  const p = requirePermission(actor, 'basedata:read');
  const [lo, hi] = listingRange(p, f.region);
  let q = db.selectFrom('organisations').select([...columns]).where('grid_code', '>=', lo).where('grid_code', '<=', hi);
  const text = f.q?.trim();
  if (text) {
    const uscc = parseUscc(text);
    const phone = normalizePhone(text);
    if (uscc.ok) q = q.where('uscc', '=', uscc.value);
    else if (phone.ok) q = q.where('phone_hash', '=', piiHash(pii, phone.value, 'phone'));
    else q = q.where(sql<boolean>`name_grams @> ${sql.val(queryGrams(text))}::text[]`);
  }
  if (f.type) q = q.where('org_type', '=', f.type);
  const rows = await q.orderBy('grid_code').orderBy('id').limit(f.pageSize + 1).offset((f.page - 1) * f.pageSize).execute();
  return { items: rows.slice(0, f.pageSize).map(present), page: f.page, pageSize: f.pageSize, hasMore: rows.length > f.pageSize };
}

export async function organisationInScope(db: Kysely<DB>, actor: Principal, id: string) {
  const [lo, hi] = scopeGridRange(actor);
  const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).where('grid_code', '>=', lo).where('grid_code', '<=', hi).executeTakeFirst();
  if (!row) throw notFound('basedata.organisation_not_found', {});
  return row;
}

export async function organisationDetail(db: Kysely<DB>, actor: Principal | null, id: string) {
  const p = requirePermission(actor, 'basedata:read');
  const o = await organisationInScope(db, p, id);
  const values: Record<string, string | null> = {
    ...extraValues(o.extra),
    uscc: o.uscc, name: o.name, org_type: o.org_type, industry: o.industry, grid_code: o.grid_code, address: o.address, legal_rep: o.legal_rep,
    phone: o.phone_masked, head_count: o.head_count === null ? null : String(o.head_count),
  };
  return { ...present(o), values, provenance: await provenanceOf(db, o.provenance, Object.keys(values)), visits: await visitsOf(db, 'organisation', id), version: o.version };
}
