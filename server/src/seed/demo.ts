import fs from 'node:fs';
import path from 'node:path';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../db/schema.js';
import { createDemoLogins, createStaffRecords, seedUnits, type DemoLogin } from '../modules/accounts/index.js';
import { seedBaseData, type BaseDataCounts } from '../modules/basedata/seed/index.js';
import { shanghaiDay } from '../modules/calendar/index.js';
import { seedCaseReference, seedDemoCases } from '../modules/cases/index.js';
import { rebuildStats } from '../modules/stats/index.js';
import { demoCounty, gridCodesByCommunity, isRegionDataSeeded, seedGridStaff, seedRegions } from '../modules/regions/index.js';
import type { PiiKeys } from '../platform/pii.js';
import { staffName } from './names.js';

export interface DemoSeedResult extends BaseDataCounts {
  streets: number;
  communities: number;
  grids: number;
  /** Six months of case history, and how many of those cases are still open. */
  cases: number;
  openCases: number;
  logins: DemoLogin[];
}

const streetOfficeScope = '370303001000'; // 车站街道

/**
 * Seeds the demo district once: 张店区's regions and grids, its departments and street offices,
 * a named head per community and worker per grid, one sign-in for every role, six months of cases,
 * and synthetic base data (people, homes, organisations) whose personal numbers are sealed with `pii`,
 * the keys the app will read them with.
 */
export async function seedDemo(db: Kysely<DB>, dataDir: string, pii: PiiKeys): Promise<DemoSeedResult | null> {
  if (await isRegionDataSeeded(db)) return null;
  const result = await db.transaction().execute((tx) => seedInside(tx, pii));
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(demoLoginsFile(dataDir), JSON.stringify(result.logins, null, 2), { mode: 0o600 });
  return result;
}

async function seedInside(db: Kysely<DB>, pii: PiiKeys): Promise<DemoSeedResult> {
  const counts = await seedRegions(db);
  const streets = await db.selectFrom('regions').select(['code', 'name']).where('parent_code', '=', demoCounty).orderBy('code').execute();
  const villages = await db.selectFrom('regions').select(['code', 'name']).where('level', '=', 'village').where('code', 'like', '370303%').orderBy('code').execute();
  const units = await seedUnits(db, streets, villages);
  await seedCaseReference(db, demoCounty);
  const unitId = (code: string) => units.find((u) => u.code === code)!.id;
  const gridsByCommunity = await gridCodesByCommunity(db);
  const firstGrid = gridsByCommunity.get('370303001001')![0]!;

  const logins = await createDemoLogins(db, [
    { username: 'admin', displayName: '系统管理员', role: 'admin', scopeCode: demoCounty },
    { username: 'leader', displayName: '区领导', role: 'leader', scopeCode: demoCounty },
    { username: 'dispatcher', displayName: '指挥中心派遣员', role: 'dispatcher', scopeCode: demoCounty },
    { username: 'handler', displayName: '综合执法局处置员', role: 'handler', scopeCode: demoCounty, unitId: unitId('370303-ZF') },
    { username: 'verifier', displayName: '监督员', role: 'verifier', scopeCode: demoCounty },
    { username: 'dataadmin', displayName: '数据管理员', role: 'data_admin', scopeCode: demoCounty },
    { username: 'citizen', displayName: '居民用户', role: 'citizen', scopeCode: demoCounty },
    { username: 'chezhan', displayName: '车站街道网格办', role: 'leader', scopeCode: streetOfficeScope, unitId: unitId('370303001-BSC') },
    { username: 'jiedao', displayName: '车站街道网格化服务中心派遣员', role: 'dispatcher', scopeCode: streetOfficeScope },
    { username: 'shequ', displayName: '新华社区网格工作站', role: 'dispatcher', scopeCode: '370303001001' },
    { username: 'juweihui', displayName: '新华社区居委会调解员', role: 'handler', scopeCode: '370303001001', unitId: unitId('370303001001-JWH') },
    { username: 'gridworker', displayName: staffName(0), role: 'grid_worker', scopeCode: firstGrid },
  ]);

  // one head (网格长) per community, one worker (网格员) per grid; the demo grid worker staffs the first grid
  const communities = [...gridsByCommunity.keys()];
  const workerGrids = [...gridsByCommunity.values()].flat().filter((code) => code !== firstGrid);
  const heads = await createStaffRecords(db, communities.map((c, i) => ({ username: `gh${c}`, displayName: staffName(100_000 + i), role: 'grid_worker', scopeCode: c })));
  const workers = await createStaffRecords(db, workerGrids.map((g, i) => ({ username: `gw${g}`, displayName: staffName(i + 1), role: 'grid_worker', scopeCode: g })));
  const demoWorker = logins.find((l) => l.username === 'gridworker')!;
  await seedGridStaff(db, [
    ...communities.flatMap((c, i) => gridsByCommunity.get(c)!.map((gridCode) => ({ gridCode, userId: heads[i]!, duty: 'head' as const }))),
    ...workerGrids.map((gridCode, i) => ({ gridCode, userId: workers[i]!, duty: 'worker' as const })),
    { gridCode: firstGrid, userId: demoWorker.id, duty: 'worker' },
  ]);
  const now = new Date();
  const history = await seedDemoCases(db, { now, seed: 'gongzhi-demo-cases' });
  // six months of cases are counted in one go rather than one change at a time by the job
  await rebuildStats(db);
  const baseData = await seedBaseData(db, pii, { asOf: shanghaiDay(now) });
  // fresh statistics for everything just written: PGlite runs no autovacuum, and stale ones made counts
  // joined to grids run once per grid
  await sql`analyze`.execute(db);

  return { ...counts, cases: history.cases, openCases: history.open, ...baseData, logins: logins.map(({ id: _id, ...l }) => l) };
}

export const demoLoginsFile = (dataDir: string) => path.join(dataDir, 'demo-accounts.json');
