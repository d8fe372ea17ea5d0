import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/**
 * Readable case numbers: county, Shanghai date and a daily sequence (370303-20261122-00042).
 * A process reserves the sequence in blocks (hi/lo), so that thousands of reports a second do not
 * queue on one counter row; a restart leaves at most one block's gap, and numbers from several
 * processes interleave within a day. Call it outside any transaction: the reservation commits on its own.
 */
const blockSize = 20;
const blocks = new WeakMap<Kysely<DB>, Map<string, { next: number; end: number; pending?: Promise<void> }>>();

export async function nextCaseNumber(db: Kysely<DB>, countyCode: string, day: string): Promise<string> {
  let perDb = blocks.get(db);
  if (!perDb) blocks.set(db, (perDb = new Map()));
  const k = `${countyCode}|${day}`;
  for (;;) {
    const block = perDb.get(k);
    if (block && block.next <= block.end) {
      const seq = block.next++;
      return `${countyCode}-${day.replaceAll('-', '')}-${String(seq).padStart(5, '0')}`;
    }
    if (block?.pending) {
      await block.pending;
      continue;
    }
    const reserving = reserve(db, countyCode, day).then((end) => void perDb.set(k, { next: end - blockSize + 1, end }));
    perDb.set(k, { next: 1, end: 0, pending: reserving });
    try {
      await reserving;
    } catch (error) {
      perDb.delete(k);
      throw error;
    }
  }
}

async function reserve(db: Kysely<DB>, countyCode: string, day: string): Promise<number> {
  const { rows } = await sql<{ last: number }>`
    insert into case_number_counters (county_code, day, last) values (${countyCode}, ${day}, ${blockSize})
    on conflict (county_code, day) do update set last = case_number_counters.last + ${blockSize}
    returning last`.execute(db);
  return Number(rows[0]!.last);
}
