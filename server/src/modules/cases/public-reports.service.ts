import crypto from 'node:crypto';
import { caseStates, type CaseState, type PublicLookupResponse, type PublicReport, type PublicReportResponse, type TimelineAction } from '@gongzhi/contracts';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Permission, Principal } from '../../platform/access.js';
import { AppError, badRequest, notFound } from '../../platform/errors.js';
import type { FileStore } from '../../platform/files.js';
import { savePhoto } from '../../platform/files.js';
import type { PiiKeys } from '../../platform/pii.js';
import { safeEqual } from '../../platform/tokens.js';
import { unitsByIds } from '../accounts/index.js';
import { regionNames, topDivision } from '../regions/index.js';
import { cachedCategories } from './categories.service.js';
import { stateNames } from './case-labels.js';
import { reportCase } from './intake.service.js';
import { isOpen } from './state-machine.js';

/**
 * Anonymous reports (匿名反映): anyone may report without signing in, strictly limited per client
 * address, and gets the case number and a follow-up code (查询码) to look the report up later.
 * The limits are counted from the `public_requests` ledger under a per-address advisory lock, so they
 * hold across processes. Reports are narrower than OTP requests (5 an hour, 20 a day) because they
 * make work for people; look-ups only count failures, which is what guessing codes produces.
 */
export const publicLimits = {
  reports: [{ max: 5, minutes: 60 }, { max: 20, minutes: 24 * 60 }],
  photos: [{ max: 30, minutes: 60 }],
  lookupFailures: [{ max: 20, minutes: 60 }],
} as const;

/** The public Idempotency-Key is also what binds photos to the report: a client's random UUID (16–64 characters). */
export const publicKeyPattern = /^[A-Za-z0-9-]{16,64}$/;
const codeAlphabet = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

const hmac = (pii: PiiKeys, text: string) => crypto.createHmac('sha256', pii.search).update(text, 'utf8').digest();

/**
 * The reporter of an anonymous report: no account, an id derived from the report's Idempotency-Key
 * (so a retry, and photos sent with the same key, belong to the same report), shown as 匿名.
 */
export async function anonymousReporter(db: Kysely<DB>, pii: PiiKeys, key: string): Promise<Principal> {
  if (!publicKeyPattern.test(key)) throw badRequest('case.idempotency_key');
  const h = hmac(pii, `anonymous-reporter:${key}`).subarray(0, 16);
  h[6] = (h[6]! & 0x0f) | 0x40;
  h[8] = (h[8]! & 0x3f) | 0x80;
  const hex = h.toString('hex');
  const id = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
  return {
    kind: 'user', id, name: 'anonymous', displayName: '匿名', role: 'citizen', scopeCode: await topDivision(db), unitId: null,
    permissions: new Set<Permission>(['case:report']),
  };
}

/** The follow-up code of a report: 8 characters (40 bits) from the keyed hash of its reporter, so a retry answers the same code. */
export function lookupCodeOf(pii: PiiKeys, reporterId: string): string {
  const bytes = hmac(pii, `lookup-code:${reporterId}`);
  return [...bytes.subarray(0, 8)].map((b) => codeAlphabet[b % 32]).join('');
}
const codeHash = (pii: PiiKeys, caseId: string, code: string) => hmac(pii, `lookup:${caseId}:${code}`).toString('hex');

type Kind = 'report' | 'photo' | 'lookup_failed';
const windows: Record<Kind, ReadonlyArray<{ max: number; minutes: number }>> = { report: publicLimits.reports, photo: publicLimits.photos, lookup_failed: publicLimits.lookupFailures };
const refusal: Record<Kind, 'public.report_limit' | 'public.photo_limit' | 'public.lookup_limit'> = { report: 'public.report_limit', photo: 'public.photo_limit', lookup_failed: 'public.lookup_limit' };

/**
 * Checks the address's limits for `kind` and, when `record`, books one more in the same transaction
 * (under an advisory lock per address, so two quick requests cannot both take the last one).
 * Answers the booked row's id, or throws 429 with Retry-After.
 */
async function withinLimits(db: Kysely<DB>, ip: string, kind: Kind, record: boolean): Promise<string | null> {
  return db.transaction().execute(async (tx) => {
    await sql`select pg_advisory_xact_lock(hashtext(${`public:${kind}:${ip}`}))`.execute(tx);
    for (const w of windows[kind]) {
      const { rows } = await sql<{ n: number; oldest: Date | null }>`
        select count(*)::int as n, min(at) as oldest from public_requests
        where ip = ${ip} and kind = ${kind} and at > now() - make_interval(mins => ${w.minutes}::int)`.execute(tx);
      const { n, oldest } = rows[0]!;
      if (n >= w.max) {
        const retryAfter = Math.max(1, Math.ceil((new Date(oldest!).getTime() + w.minutes * 60_000 - Date.now()) / 1000));
        throw new AppError(refusal[kind], 429, { minutes: w.minutes, retryAfter });
      }
    }
    if (!record) return null;
    const row = await tx.insertInto('public_requests').values({ kind, ip }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  });
}

/**
 * Reports without an account through the one intake (reportCase) as a citizen named 匿名, source
 * citizen. A retry with the same key answers the same number and code and counts nothing.
 */
export async function reportAnonymously(
  db: Kysely<DB>, pii: PiiKeys, ip: string, key: string | undefined, input: PublicReport,
): Promise<{ created: boolean; answer: PublicReportResponse }> {
  if (key === undefined) throw badRequest('case.idempotency_key');
  const reporter = await anonymousReporter(db, pii, key);
  const code = lookupCodeOf(pii, reporter.id);
  const answer = async (caseId: string, created: boolean) => {
    await db.insertInto('case_lookup_codes').values({ case_id: caseId, code_hash: codeHash(pii, caseId, code) }).onConflict((oc) => oc.doNothing()).execute();
    const c = await db.selectFrom('cases').select(['number', 'reported_at']).where('id', '=', caseId).executeTakeFirstOrThrow();
    return { created, answer: { number: c.number, code, reportedAt: new Date(c.reported_at).toISOString() } };
  };
  const earlier = await db.selectFrom('cases').select(['id', 'description']).where('intake_principal', '=', reporter.id).where('intake_key', '=', key).executeTakeFirst();
  if (earlier && earlier.description === input.description) return answer(earlier.id, false);
  const booked = await withinLimits(db, ip, 'report', true);
  try {
    const intake = await reportCase(db, reporter, input, key);
    return answer(intake.created ? intake.summary.id : intake.caseId, intake.created);
  } catch (e) {
    // a refused report made nothing: it does not use up the address's allowance
    await db.deleteFrom('public_requests').where('id', '=', booked!).execute();
    throw e;
  }
}

/** A photo for an anonymous report, owned by the reporter that the same Idempotency-Key makes. */
export async function uploadAnonymousPhoto(db: Kysely<DB>, pii: PiiKeys, store: FileStore, ip: string, key: string | undefined, bytes: Buffer, type: string) {
  if (key === undefined) throw badRequest('case.idempotency_key');
  const reporter = await anonymousReporter(db, pii, key);
  await withinLimits(db, ip, 'photo', true);
  return savePhoto(db, store, reporter.id, bytes, type);
}

/** Steps the holder of a code sees: the loop's steps, not the reminders and urgings inside the centre. */
const internalSteps = new Set<TimelineAction>(['remind', 'overdue', 'urge', 'decide_request', 'request_extension', 'request_suspension']);

/**
 * Status and steps of an anonymous report for the holder of its number and code: unit names only,
 * no person, no notes, no other report. A wrong number or code answers the same 404, and counts
 * toward the address's limit of failed look-ups.
 */
export async function lookupReport(db: Kysely<DB>, pii: PiiKeys, ip: string, number: string, code: string): Promise<PublicLookupResponse> {
  await withinLimits(db, ip, 'lookup_failed', false);
  const c = await db
    .selectFrom('cases as c')
    .innerJoin('case_lookup_codes as l', 'l.case_id', 'c.id')
    .select(['c.id', 'c.number', 'c.state', 'c.category_code', 'c.reported_at', 'c.closed_at', 'c.street_code', 'c.community_code', 'c.lead_unit_id', 'l.code_hash'])
    .where('c.number', '=', number)
    .executeTakeFirst();
  if (!c || !safeEqual(c.code_hash, codeHash(pii, c.id, code))) {
    await db.insertInto('public_requests').values({ kind: 'lookup_failed', ip }).execute();
    throw notFound('public.lookup_not_found', {});
  }
  const events = await db.selectFrom('case_events').select(['at', 'action', 'unit_id', 'to_state']).where('case_id', '=', c.id).orderBy('id').execute();
  const [names, units, categories] = await Promise.all([
    regionNames(db, [c.street_code, c.community_code]),
    unitsByIds(db, [...(c.lead_unit_id ? [c.lead_unit_id] : []), ...events.flatMap((e) => (e.unit_id ? [e.unit_id] : []))]),
    cachedCategories(db),
  ]);
  const state = c.state as CaseState;
  return {
    number: c.number,
    categoryName: categories.get(c.category_code)?.name ?? c.category_code,
    state,
    stateName: stateNames[state],
    closed: !isOpen(state),
    reportedAt: new Date(c.reported_at).toISOString(),
    closedAt: c.closed_at ? new Date(c.closed_at).toISOString() : null,
    streetName: names.get(c.street_code) ?? '',
    communityName: names.get(c.community_code) ?? '',
    leadUnit: c.lead_unit_id ? (units.get(c.lead_unit_id)?.name ?? null) : null,
    timeline: events
      .filter((e) => !internalSteps.has(e.action as TimelineAction))
      .map((e) => ({
        at: new Date(e.at).toISOString(),
        action: e.action as TimelineAction,
        unit: e.unit_id ? (units.get(e.unit_id)?.name ?? null) : null,
        toState: caseStates.includes(e.to_state as CaseState) ? (e.to_state as CaseState) : null,
      })),
  };
}

/** The ledger counts at most a rolling day (the longest window above): older rows are dropped by the hourly job. */
export async function purgePublicRequestLedger(db: Kysely<DB>): Promise<number> {
  const done = await db.deleteFrom('public_requests').where('at', '<', sql<Date>`now() - interval '1 day'`).executeTakeFirst();
  return Number(done.numDeletedRows);
}
