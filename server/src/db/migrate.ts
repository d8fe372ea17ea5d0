import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import type { Database } from './database.js';

const migrationsDir = path.join(import.meta.dirname, 'migrations');
const fileName = /^(\d{4})_([a-z0-9_]+)\.sql$/;

export interface Migration {
  version: number;
  name: string;
  script: string;
  checksum: string;
}

export function listMigrations(dir = migrationsDir): Migration[] {
  return fs
    .readdirSync(dir)
    .filter((f) => fileName.test(f))
    .sort()
    .map((f) => {
      const [, version, name] = fileName.exec(f)!;
      const script = fs.readFileSync(path.join(dir, f), 'utf8');
      return { version: Number(version), name: name!, script, checksum: sha256(script) };
    });
}

export interface MigrationState {
  version: number;
  name: string;
}

/**
 * Applies pending migrations in order, each in its own transaction with its bookkeeping row.
 * Migrations only move forward: an applied file whose text changed stops start-up.
 */
export async function migrate(database: Database, migrations = listMigrations()): Promise<{ applied: Migration[]; state: MigrationState }> {
  await database.execScript(`create table if not exists schema_migrations (
    version int primary key, name text not null, checksum text not null, applied_at timestamptz not null default now())`);
  const rows = await sql<{ version: number; checksum: string }>`select version, checksum from schema_migrations`.execute(database.db);
  const done = new Map(rows.rows.map((r) => [r.version, r.checksum]));
  const applied: Migration[] = [];
  for (const m of migrations) {
    const recorded = done.get(m.version);
    if (recorded !== undefined) {
      if (recorded !== m.checksum) throw new Error(`migration ${m.version}_${m.name} was changed after it was applied; add a new migration instead`);
      continue;
    }
    // Serialise concurrent starters on a shared PostgreSQL; harmless on the embedded database.
    await database.execScript(`select pg_advisory_xact_lock(7317001);
      ${m.script}
      ;insert into schema_migrations (version, name, checksum) values (${m.version}, '${m.name}', '${m.checksum}')`);
    applied.push(m);
  }
  return { applied, state: await migrationState(database) };
}

export async function migrationState(database: Database): Promise<MigrationState> {
  const { rows } = await sql<MigrationState>`select version, name from schema_migrations order by version desc limit 1`.execute(database.db);
  return rows[0] ?? { version: 0, name: 'none' };
}

function sha256(text: string) {
  return crypto.createHash('sha256').update(text).digest('hex');
}
