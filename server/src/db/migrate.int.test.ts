import { describe, expect, it } from 'vitest';
import { useTestApp } from '../test/harness.js';
import { listMigrations, migrate, migrationState } from './migrate.js';

const ctx = useTestApp();

describe('migrations', () => {
  it('are numbered files applied once, in order', async () => {
    const files = listMigrations();
    expect(files.map((m) => m.version)).toEqual(files.map((_, i) => i + 1));
    const again = await migrate(ctx.database);
    expect(again.applied).toEqual([]);
    expect(await migrationState(ctx.database)).toEqual({ version: files.at(-1)!.version, name: files.at(-1)!.name });
  });
  it('refuse to run when an applied file was edited (they only move forward)', async () => {
    const edited = listMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'edited' } : m));
    await expect(migrate(ctx.database, edited)).rejects.toThrow(/was changed after it was applied/);
  });
  it('roll back a failing migration entirely, with its bookkeeping row', async () => {
    const broken = [...listMigrations(), { version: 999, name: 'broken', script: 'create table half_done (id int); select no_such_function();', checksum: 'x' }];
    await expect(migrate(ctx.database, broken)).rejects.toThrow();
    const { rows } = await ctx.database.db.selectFrom('schema_migrations' as never).select('version' as never).execute().then((r) => ({ rows: r }));
    expect((rows as Array<{ version: number }>).map((r) => r.version)).not.toContain(999);
    await expect(ctx.database.db.selectFrom('half_done' as never).selectAll().execute()).rejects.toThrow();
  });
});
