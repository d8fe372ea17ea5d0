/**
 * Precision and recall of likely-duplicate flagging on the demo district's six months of cases.
 * Ground truth: the demo generator merges a second report of an open case into it (state 'merged',
 * merged_into = the first report). Every demo case is replayed as of its own report time: candidates
 * are the cases of the same category reported before it within the category's window and radius that
 * were open at that moment, read from the timeline (the last state change at or before the report
 * time), then scored by the same rule the app uses. Precision = flagged with the merge target as the
 * best candidate / flagged; recall = the same / merged cases.
 */
import { sql } from 'kysely';
import type { CaseState } from '@gongzhi/contracts';
import { openDatabase } from '../server/src/db/database.js';
import { migrate } from '../server/src/db/migrate.js';
import { likelyDuplicates, similarityThreshold, type Candidate } from '../server/src/modules/cases/duplicates.js';
import { windowOf } from '../server/src/modules/cases/duplicates.service.js';
import { piiKeysFrom, resolvePiiSecret } from '../server/src/platform/pii.js';
import { seedDemo } from '../server/src/seed/demo.js';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const openStates = ['reported', 'registered', 'dispatched', 'handling', 'suspended', 'feedback'];

export async function duplicatesBench(url: string | undefined) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gz-bench-dup-'));
  const database = await openDatabase({ url, dataDir });
  try {
    await migrate(database);
    let t = performance.now();
    await seedDemo(database.db, dataDir, piiKeysFrom(resolvePiiSecret(undefined, dataDir).secret));
    const seedMs = Math.round(performance.now() - t);
    const db = database.db;
    const categories = new Map((await db.selectFrom('case_categories').selectAll().execute()).map((c) => [c.code, c]));
    const cases = await db.selectFrom('cases').select(['id', 'category_code', 'description', 'reported_at', 'merged_into', 'state']).execute();
    t = performance.now();
    // every case with its candidates as of its report time (one statement)
    const { rows } = await sql<{ for_id: string; id: string; number: string; category_code: string; description: string; reported_at: Date; distance_m: number; state_then: string }>`
      select q.id as for_id, c.id, c.number, c.category_code, c.description, c.reported_at, c.distance_m, c.state_then
      from cases q
      join case_categories k on k.code = q.category_code
      cross join lateral (
        select c.*, st_distance(c.location::geography, q.location::geography) as distance_m,
               (select e.to_state from case_events e where e.case_id = c.id and e.at <= q.reported_at and e.to_state is not null order by e.at desc, e.id desc limit 1) as state_then
        from cases c
        where c.category_code = q.category_code and c.id <> q.id and c.reported_at < q.reported_at
          and c.reported_at >= q.reported_at - make_interval(hours => coalesce(k.duplicate_window_hours, 72))
          and c.location && st_expand(q.location, coalesce(k.duplicate_radius_m, 100) / 111320.0 * 1.01 / greatest(cos(radians(st_y(q.location))), 0.01))
          and st_dwithin(c.location::geography, q.location::geography, coalesce(k.duplicate_radius_m, 100))
      ) c
      where c.state_then in (${sql.join(openStates)})`.execute(db);
    const queryMs = Math.round(performance.now() - t);
    const byCase = new Map<string, Candidate[]>();
    for (const r of rows) {
      const list = byCase.get(r.for_id) ?? [];
      list.push({ id: r.id, number: r.number, categoryCode: r.category_code, state: r.state_then as CaseState, description: r.description, reportedAt: new Date(r.reported_at), distanceM: Number(r.distance_m) });
      byCase.set(r.for_id, list);
    }
    const merged = cases.filter((c) => c.merged_into !== null);
    const evaluate = (threshold: number) => {
      let flagged = 0;
      let correct = 0;
      let inTop3 = 0;
      let samePointWrong = 0;
      for (const q of cases) {
        const hits = likelyDuplicates(
          { id: q.id, categoryCode: q.category_code, description: q.description, at: new Date(q.reported_at) },
          byCase.get(q.id) ?? [],
          windowOf(categories.get(q.category_code)!),
          threshold,
        );
        if (hits.length === 0) continue;
        flagged++;
        if (hits[0]!.id === q.merged_into) correct++;
        else if (hits[0]!.distanceM < 1) samePointWrong++;
        if (q.merged_into && hits.some((h) => h.id === q.merged_into)) inTop3++;
      }
      const r3 = (n: number) => Math.round(n * 1000) / 1000;
      return { threshold, flagged, correct, precision: r3(flagged ? correct / flagged : 0), recall: r3(merged.length ? correct / merged.length : 0), recallTop3: r3(merged.length ? inTop3 / merged.length : 0), wrongAtSamePoint: samePointWrong };
    };
    const targetWasCandidate = merged.filter((q) => (byCase.get(q.id) ?? []).some((c) => c.id === q.merged_into)).length;
    return {
      database: url ? 'postgres' : 'pglite',
      seedMs,
      candidateQueryMs: queryMs,
      cases: cases.length,
      mergedDuplicates: merged.length,
      mergeTargetAmongCandidates: targetWasCandidate,
      atThreshold: evaluate(similarityThreshold),
      sweep: [0, 0.2, 0.3, 0.35, 0.4, 0.5, 0.6].map(evaluate),
    };
  } finally {
    await database.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
