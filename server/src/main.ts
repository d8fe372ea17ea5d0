import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Logger } from 'pino';
import { buildApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { openDatabase, type Database } from './db/database.js';
import { migrate } from './db/migrate.js';
import { failInterruptedImports, importFromCommandLine } from './modules/basedata/index.js';
import { startSignInCleanupJob } from './modules/accounts/index.js';
import { purgePublicRequestLedger, startAutoDispatchJob, startDeadlineJob } from './modules/cases/index.js';
import { classifyCsvFile, ClassifyCsvError, currentClassifier, retrainIfDue } from './modules/classify/index.js';
import { startPeriodicJob } from './platform/jobs.js';
import { countAllChangedCases } from './modules/stats/index.js';
import { startReportsJob } from './modules/reports/index.js';
import { createLogger } from './platform/logger.js';
import { piiKeysFrom, resolvePiiSecret, type PiiKeys } from './platform/pii.js';
import { demoLoginsFile, seedDemo, type DemoSeedResult } from './seed/demo.js';

const usage = `gongzhi — 共治 网格化社会治理平台 / grid-based social governance platform

Usage: gongzhi <command>
  start     migrate, seed the demo district on first start, and serve the web app and API
  migrate   apply pending database migrations
  seed      seed the demo district (张店区) if the database has none
  import    import a department file of base data (CSV in UTF-8 or GBK, or .xlsx), with a progress bar:
            gongzhi import --file F --entity person|dwelling|organisation --source gongan|renshe|…
                           [--mapping mapping.json] [--dry-run] [--scope 370303000000]
  classify  label the messages of a CSV (a "text" column, UTF-8 or GBK) with the current classification
            model, adding "label" and "confidence" columns (a database without a model trains one first, ~20 s):
            gongzhi classify --csv F [--out F.classified.csv]
  help      show this text

Environment: PORT (8080), HOST (0.0.0.0), DATABASE_URL (unset: embedded PGlite in GONGZHI_DATA_DIR),
GONGZHI_DATA_DIR (.data), LOG_LEVEL (info), GONGZHI_SECURE_COOKIES (false), GONGZHI_SESSION_HOURS (12),
GONGZHI_DEADLINE_SCAN_SECONDS (60)`;

async function prepare(config: Config, logger: Logger, seed: boolean): Promise<{ database: Database; seeded: DemoSeedResult | null }> {
  const t0 = Date.now();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.GONGZHI_DATA_DIR, logger });
  const t1 = Date.now();
  const { applied, state } = await migrate(database);
  const t2 = Date.now();
  const seeded = seed ? await seedDemo(database.db, config.GONGZHI_DATA_DIR, piiKeys(config, logger)) : null;
  logger.info(
    { database: database.kind, migration: state, applied: applied.map((m) => m.version), openMs: t1 - t0, migrateMs: t2 - t1, seedMs: Date.now() - t2 },
    'database ready',
  );
  return { database, seeded };
}

/** The keys personal data is sealed with, derived as the app derives them (app.ts), for the demo seed's people. */
function piiKeys(config: Config, logger: Logger): PiiKeys {
  const { secret, generated } = resolvePiiSecret(config.GONGZHI_PII_KEY, config.GONGZHI_DATA_DIR);
  // the app warns only when it makes the key itself; made here, the warning is ours to give
  if (generated) logger.warn('GONGZHI_PII_KEY is unset: the demo’s personal data is encrypted with a key kept in the data folder (pii.key), fit for the demo only / 未设置 GONGZHI_PII_KEY，演示数据的个人信息密钥保存在数据目录中，仅适用于演示');
  return piiKeysFrom(secret);
}

function printWelcome(config: Config, seeded: DemoSeedResult | null) {
  const url = `http://localhost:${config.PORT}/`;
  const lines = [``, `  共治 Gongzhi is running: ${url}`, `  API docs: ${url}api/docs`];
  if (seeded) {
    lines.push(`  Seeded 淄博市张店区: ${seeded.streets} streets, ${seeded.communities} communities, ${seeded.grids} grids, ${seeded.cases} cases (${seeded.openCases} open).`);
    lines.push(`  Synthetic base data (about 2% of the district): ${seeded.people} people, ${seeded.dwellings} dwellings in ${seeded.buildings} buildings, ${seeded.organisations} organisations.`);
    lines.push(`  Demo logins (also saved to ${demoLoginsFile(config.GONGZHI_DATA_DIR)}):`);
    for (const l of seeded.logins) lines.push(`    ${l.username.padEnd(11)} ${l.password}   ${l.displayName} (${l.role}, ${l.scopeCode})`);
  } else if (fs.existsSync(demoLoginsFile(config.GONGZHI_DATA_DIR))) {
    lines.push(`  Demo logins: ${demoLoginsFile(config.GONGZHI_DATA_DIR)}`);
  }
  process.stdout.write(`${lines.join('\n')}\n\n`);
}

async function main(argv: string[]) {
  const command = argv[0] ?? 'help';
  if (command === 'help' || command === '--help' || command === '-h') return void console.log(usage);
  if (command === 'import') return runImportCommand(argv.slice(1));
  if (command === 'classify') return runClassifyCommand(argv.slice(1));
  if (!['start', 'migrate', 'seed'].includes(command)) {
    console.error(`Unknown command "${command}".\n\n${usage}`);
    process.exit(2);
  }
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL);
  const started = Date.now();
  const { database, seeded } = await prepare(config, logger, command !== 'migrate');
  if (command !== 'start') {
    if (seeded) printWelcome(config, seeded);
    return database.close();
  }
  await failInterruptedImports(database.db);
  const app = await buildApp({ config, database, logger });
  await app.listen({ port: config.PORT, host: config.HOST });
  const stopDeadlines = config.GONGZHI_DEADLINE_SCAN_SECONDS > 0 ? startDeadlineJob(database.db, logger, config.GONGZHI_DEADLINE_SCAN_SECONDS) : async () => {};
  const stopAutoDispatch = config.GONGZHI_AUTO_DISPATCH_SECONDS > 0 ? startAutoDispatchJob(database.db, logger, config.GONGZHI_AUTO_DISPATCH_SECONDS) : async () => {};
  const stopStats = config.GONGZHI_STATS_SECONDS > 0
    ? startPeriodicJob('case statistics', config.GONGZHI_STATS_SECONDS, () => countAllChangedCases(database.db), logger, () => false)
    : async () => {};
  const stopRetraining = config.GONGZHI_RETRAIN_CHECK_SECONDS > 0
    ? startPeriodicJob('scheduled retraining', config.GONGZHI_RETRAIN_CHECK_SECONDS, () => retrainIfDue(database.db), logger, (model) => model !== null)
    : async () => {};
  const stopSignInCleanup = startSignInCleanupJob(database.db, logger);
  const stopReports = startReportsJob(database.db, logger);
  const stopLedgerCleanup = startPeriodicJob('public request ledger cleanup', 3600, () => purgePublicRequestLedger(database.db), logger, (n) => n > 0);
  logger.info({ startupMs: Date.now() - started, database: database.kind }, 'gongzhi started');
  // a new demo district trains its classifier now, in a worker thread, rather than on the first report
  if (seeded) void currentClassifier(database.db).catch((err: unknown) => logger.warn({ err }, 'classifier training failed; it is tried again on first use'));
  printWelcome(config, seeded);
  const stop = async () => {
    await stopDeadlines();
    await stopAutoDispatch();
    await stopRetraining();
    await stopStats();
    await stopSignInCleanup();
    await stopReports();
    await stopLedgerCleanup();
    await app.close();
    await database.close();
    process.exit(0);
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

/** `gongzhi import …`: migrate if needed, then stream the file in with a progress bar. */
async function runImportCommand(args: string[]) {
  const { values } = parseArgs({
    args,
    options: { file: { type: 'string' }, entity: { type: 'string', default: 'person' }, source: { type: 'string' }, mapping: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, scope: { type: 'string', default: '370303000000' } },
  });
  if (!values.file || !values.source || !['person', 'dwelling', 'organisation'].includes(values.entity)) {
    console.error(`gongzhi import needs --file, --source and --entity person|dwelling|organisation.\n\n${usage}`);
    process.exit(2);
  }
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const { database } = await prepare(config, logger, false);
  const pii = piiKeysFrom(resolvePiiSecret(config.GONGZHI_PII_KEY, config.GONGZHI_DATA_DIR).secret);
  try {
    const totals = await importFromCommandLine(
      database.db, pii,
      { file: values.file, entity: values.entity as 'person', source: values.source, mappingFile: values.mapping, dryRun: values['dry-run'], scope: values.scope },
      process.stderr,
    );
    process.exitCode = totals.failed > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

/** `gongzhi classify --csv F`: migrate if needed, then label the file with the current model. */
async function runClassifyCommand(args: string[]) {
  const { values } = parseArgs({ args, options: { csv: { type: 'string' }, out: { type: 'string' } } });
  if (!values.csv) {
    console.error(`gongzhi classify needs --csv FILE.\n\n${usage}`);
    process.exit(2);
  }
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL === 'info' ? 'warn' : config.LOG_LEVEL);
  const { database } = await prepare(config, logger, false);
  try {
    const started = Date.now();
    const result = await classifyCsvFile(database.db, { file: values.csv, out: values.out });
    const seconds = (Date.now() - started) / 1000;
    process.stderr.write(`分类完成 classified: ${result.rows.toLocaleString('zh-CN')} 行 rows (${result.encoding}) in ${seconds.toFixed(1)} s → ${result.out}${result.empty ? ` · ${result.empty} 行无文字 rows without text` : ''}\n`);
  } catch (error) {
    if (!(error instanceof ClassifyCsvError)) throw error;
    console.error(error.message);
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(error.message);
  else console.error('Gongzhi failed to start / 启动失败:', error instanceof Error ? error.message : error);
  process.exit(1);
});
