import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { unitByCode, unitsByIds } from '../accounts/index.js';
import { readTexts, suggestionForText } from '../classify/index.js';
import type { CaseRow } from './case-record.js';

/** A confidence kept as `real`, rounded back to the four places the classifier gives. */
export const storedConfidence = (x: number) => Math.round(x * 10_000) / 10_000;

/**
 * What the text classifier reads in a report, with its unit in the case's county (labels name a
 * department key: 城乡建设 → ZJ → 370303-ZJ). The auto-dispatch job keeps its reading on the case
 * (the one automatic dispatch acted on); a case it has not read yet is read now. Null while no
 * model is ready.
 */
export async function suggestionFromText(db: Kysely<DB>, c: Pick<CaseRow, 'description' | 'county_code' | 'suggested_label' | 'suggested_confidence' | 'suggested_unit_id'>) {
  if (c.suggested_label !== null && c.suggested_confidence !== null) {
    const unit = c.suggested_unit_id ? (await unitsByIds(db, [c.suggested_unit_id])).get(c.suggested_unit_id) : null;
    return { label: c.suggested_label, confidence: storedConfidence(c.suggested_confidence), unit: unit ? { id: unit.id, name: unit.name } : null };
  }
  const read = await suggestionForText(db, c.description);
  if (!read) return null;
  const unit = read.unit ? await unitByCode(db, `${c.county_code}-${read.unit.key}`) : null;
  return { label: read.label, confidence: read.confidence, unit: unit ? { id: unit.id, name: unit.name } : null };
}

type Reading = { label: string; confidence: number; unitName: string | null };
type ReadableCase = Pick<CaseRow, 'id' | 'state' | 'description' | 'county_code' | 'suggested_label' | 'suggested_confidence' | 'suggested_unit_id'>;

/**
 * For an inbox page: the reading of each report still waiting for dispatch, as the auto-dispatch job
 * kept it, or read now for the few it has not (cases registered before the job reached them, or with
 * the job off in this process). Null per case while no model is ready.
 */
export async function readingsOfWaiting(db: Kysely<DB>, rows: readonly ReadableCase[]): Promise<Map<string, Reading | null>> {
  const waiting = rows.filter((r) => r.state === 'reported' || r.state === 'registered');
  const unread = waiting.filter((r) => r.suggested_label === null || r.suggested_confidence === null);
  const fresh = unread.length ? await readTexts(db, unread.map((r) => r.description)) : null;
  const names = new Map<string, string | null>();
  const kept = await unitsByIds(db, waiting.flatMap((r) => (r.suggested_unit_id ? [r.suggested_unit_id] : [])));
  const nameByCode = async (code: string) => {
    if (!names.has(code)) names.set(code, (await unitByCode(db, code))?.name ?? null);
    return names.get(code)!;
  };
  const result = new Map<string, Reading | null>();
  for (const r of waiting) {
    const i = unread.indexOf(r);
    if (i < 0) {
      result.set(r.id, { label: r.suggested_label!, confidence: storedConfidence(r.suggested_confidence!), unitName: r.suggested_unit_id ? (kept.get(r.suggested_unit_id)?.name ?? null) : null });
    } else if (fresh) {
      const read = fresh.readings[i]!;
      result.set(r.id, { label: read.label, confidence: read.confidence, unitName: read.unitKey ? await nameByCode(`${r.county_code}-${read.unitKey}`) : null });
    } else {
      result.set(r.id, null);
    }
  }
  return result;
}
