import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { unitByCode } from '../accounts/index.js';
import { suggestionForText } from '../classify/index.js';

/**
 * What the text classifier reads in a report, with its unit in the case's county (labels name a
 * department key: 城乡建设 → ZJ → 370303-ZJ). Read when a dispatcher opens the case rather than at
 * intake, which stays one statement; null while no model is ready.
 */
export async function suggestionFromText(db: Kysely<DB>, description: string, countyCode: string) {
  const read = await suggestionForText(db, description);
  if (!read) return null;
  const unit = read.unit ? await unitByCode(db, `${countyCode}-${read.unit.key}`) : null;
  return { label: read.label, confidence: read.confidence, unit: unit ? { id: unit.id, name: unit.name } : null };
}
