import fs from 'node:fs';
import path from 'node:path';
import { Kysely, PostgresDialect } from 'kysely';
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

async function openPostgres(url: string): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const client = await pool.connect(); // fail fast with a clear error when the server is unreachable
  client.release();
  return {
    kind: 'postgres',
    db: new Kysely<DB>({ dialect: new PostgresDialect({ pool }) }),
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
