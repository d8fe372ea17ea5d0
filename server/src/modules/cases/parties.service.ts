import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { mayReadCase, requirePermission, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { notFound } from '../../platform/errors.js';
import { caseFacts, caseColumns, caseUnits, loadCase, type LoadedCase } from './case-record.js';

/** The cases a person is a party to (当事人) that the principal may read, newest first. */
export async function casesOfPerson(db: Kysely<DB>, actor: Principal, personId: string) {
  const { rows } = await sql<LoadedCase>`select ${caseColumns} from cases c join case_parties cp on cp.case_id = c.id
    where cp.person_id = ${personId} order by c.reported_at desc limit 50`.execute(db);
  const visible: LoadedCase[] = [];
  for (const c of rows) if (mayReadCase(actor, caseFacts(c, await caseUnits(db, c.id)))) visible.push(c);
  return visible.map((c) => ({ id: c.id, number: c.number, state: c.state, description: c.description, reportedAt: new Date(c.reported_at).toISOString() }));
}

/**
 * Records that a case concerns a person. The caller has checked the person is inside the principal's
 * jurisdiction; the case must be readable to the principal.
 */
export async function linkCaseParty(db: Kysely<DB>, actor: Principal | null, ref: string, personId: string, ip: string) {
  const p = requirePermission(actor, 'case:read');
  const c = await loadCase(db, ref).catch(() => null);
  if (!c || !mayReadCase(p, caseFacts(c, await caseUnits(db, c.id)))) throw notFound('case.not_found', { ref });
  await db.transaction().execute(async (tx) => {
    await tx.insertInto('case_parties').values({ case_id: c.id, person_id: personId }).onConflict((oc) => oc.doNothing()).execute();
    await writeAudit(tx, { action: 'case.party', actor: p, targetType: 'case', targetId: c.id, ip, detail: { personId } });
  });
  return { caseId: c.id, personId };
}
