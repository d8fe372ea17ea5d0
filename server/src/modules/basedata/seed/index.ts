import { sql, type Kysely } from 'kysely';
import type { DB } from '../../../db/schema.js';
import type { PiiKeys } from '../../../platform/pii.js';
import { shanghaiDay } from '../../calendar/index.js';
import { demoCounty } from '../../regions/index.js';
import { seededRandom } from '../synthetic/random.js';
import type { GridRef } from './housing-plan.js';
import { planCaseParties, type CaseRef } from './links-plan.js';
import { planBaseData } from './plan.js';
import { writeCaseParties, writePlan } from './write.js';

export interface BaseDataCounts {
  people: number;
  dwellings: number;
  buildings: number;
  organisations: number;
}

/**
 * Seeds the demo district's base data (人房企): about 2% of 张店区's people with the homes they live
 * in and the organisations of their streets (see housing-plan.ts for how the volume is spread), each
 * value traced to the department delivery or grid collection it came from, a couple of dozen open
 * discrepancies, and the people some social-governance cases are about. Runs in the caller's
 * transaction, after the regions, grids and demo cases; deterministic for a given `asOf` day (the
 * values; ids and ciphertexts are new each time).
 */
export async function seedBaseData(db: Kysely<DB>, pii: PiiKeys, options: { asOf?: string } = {}): Promise<BaseDataCounts> {
  const asOf = options.asOf ?? shanghaiDay(new Date());
  const county = demoCounty.slice(0, 6);
  // the seed reads the regions and the demo cases directly: it places records in grids and names case parties, as their own seeds do
  const { rows: grids } = await sql<GridRef>`
    select g.code, g.community_code as "communityCode", r.name as "communityName"
    from grids g join regions r on r.code = g.community_code
    where g.retired_at is null and g.county_code = ${county} order by g.code`.execute(db);
  const plan = planBaseData(grids, asOf);
  const ids = await writePlan(db, pii, plan, { asOf, scopeCode: demoCounty });

  const { rows: cases } = await sql<CaseRef>`
    select id, grid_code as "gridCode", category_code as "categoryCode" from cases
    where county_code = ${county} and category_code like 'S%' order by number`.execute(db);
  await writeCaseParties(db, planCaseParties(seededRandom('gongzhi-demo-basedata:cases'), cases, plan.residents.people, asOf), ids.people);
  // statistics are gathered by the caller (seed/demo.ts analyses everything it seeded)

  return { people: plan.residents.people.length, dwellings: plan.housing.dwellings.length, buildings: plan.housing.buildings.length, organisations: plan.organisations.length };
}
