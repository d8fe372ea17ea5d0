import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { Kysely, PostgresDialect, type CompiledQuery } from 'kysely';
import pg from 'pg';
import type { Logger } from 'pino';
import { PGliteDialect } from './pglite-dialect.js';
import type { DB } from './schema.js';

export type DatabaseKind = 'pglite' | 'postgres';

export interface Database {
  kind: DatabaseKind;
  db: Kysely<DB>;
  /** Runs a multi-statement SQL script in one transaction (migrations). */
  execScript(script: string): Promise<void>;
  close(): Promise<void>;
}

// timestamptz and date stay ISO strings end to end; int8 counts arrive as numbers.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));

export async function openDatabase(options: { url?: string; dataDir: string; logger?: Logger }): Promise<Database> {
  return options.url ? openPostgres(options.url) : openPGlite(path.join(options.dataDir, 'pgdata'), options.logger);
}

/**
 * Hot queries (intake, locate, sessions) run as named prepared statements on PostgreSQL: their PostGIS
 * and CTE plans cost more to make than to run, and a pooled connection keeps each plan. The name is a
 * hash of the text, so any query whose text does not vary (values only as parameters) can be hot.
 * Inside a transaction, or on the embedded database, they run like any other query.
 */
const preparers = new WeakMap<Kysely<DB>, (q: CompiledQuery) => Promise<unknown[]>>();

export async function runHot<R>(db: Kysely<DB>, query: { compile(db: Kysely<DB>): CompiledQuery<R> }): Promise<R[]> {
  const compiled = query.compile(db);
  const prepared = preparers.get(db);
  if (prepared) return (await prepared(compiled)) as R[];
  return (await db.executeQuery(compiled)).rows;
}

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const client = await pool.connect(); // fail fast with a clear error when the server is unreachable
  client.release();
  const db = new Kysely<DB>({ dialect: new PostgresDialect({ pool }) });
  preparers.set(db, async (q) => {
    const name = `gz_${crypto.createHash('sha1').update(q.sql).digest('hex').slice(0, 20)}`;
    return (await pool.query({ name, text: q.sql, values: q.parameters as unknown[] })).rows;
  });
  return {
    kind: 'postgres',
    db,
    async execScript(script) {
      const conn = await pool.connect();
      try {
        await conn.query('begin');
        await conn.query(script);
        await conn.query('commit');
      } catch (error) {
        await conn.query('rollback');
        throw error;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}

async function openPGlite(dir: string, logger?: Logger): Promise<Database> {
  fs.mkdirSync(dir, { recursive: true });
  const { PGlite } = await import('@electric-sql/pglite');
  const { postgis } = await import('@electric-sql/pglite-postgis');
  const started = Date.now();
  const pglite = await PGlite.create(dir, { extensions: { postgis } });
  logger?.debug({ ms: Date.now() - started, dir }, 'embedded database opened');
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  return {
    kind: 'pglite',
    db,
    execScript: (script) => pglite.transaction(async (tx) => void (await tx.exec(script))),
    async close() {
      await db.destroy();
      await pglite.close();
    },
  };
}
