import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { readTexts } from './classify.service.js';
import type { Example } from './split.js';

/** What a dispatcher did with a case the model had read: sent it to `unitCode`'s department. */
export interface DispatchChoice {
  caseId: string;
  text: string;
  /** the model's label for the text (null when it had not read it) and the model that said so */
  suggestedLabel: string | null;
  modelId: string | null;
  /** the lead unit's readable code (370303-ZJ); its department key names the label */
  unitCode: string;
  by: { id: string | null; name: string };
}

/**
 * Keeps a dispatcher's choice as a labelled message when the unit is one a label goes to (a case sent
 * to a community office says nothing about departments). Runs inside the dispatch's transaction.
 * Returns whether the choice corrected the model.
 */
export async function recordDispatchChoice(db: Kysely<DB>, choice: DispatchChoice): Promise<{ kept: boolean; corrected: boolean }> {
  const key = choice.unitCode.slice(choice.unitCode.lastIndexOf('-') + 1);
  const label = await db.selectFrom('classifier_label_units').select('label').where('unit_key', '=', key).executeTakeFirst();
  if (!label || choice.unitCode.indexOf('-') < 0) return { kept: false, corrected: false };
  // a case the job has not read yet (or read before any model existed) is read now
  const read = choice.suggestedLabel === null ? await readTexts(db, [choice.text]) : null;
  const suggested = read ? read.readings[0]!.label : choice.suggestedLabel;
  const modelId = read ? read.modelId : choice.modelId;
  const agreed = suggested === label.label;
  await db
    .insertInto('classifier_corrections')
    .values({
      case_id: choice.caseId, text: choice.text, suggested_label: suggested, chosen_label: label.label, agreed,
      model_id: modelId, chosen_by: choice.by.id, chosen_by_name: choice.by.name,
    })
    .execute();
  return { kept: true, corrected: !agreed };
}

/** The labelled messages dispatchers made: the latest choice per case (a re-dispatch after 退回 overrides). */
export async function dispatcherExamples(db: Kysely<DB>): Promise<Example[]> {
  const { rows } = await sql<Example>`
    select distinct on (case_id) text, chosen_label as label
    from classifier_corrections order by case_id, chosen_at desc, id desc`.execute(db);
  return rows;
}

/** Choices that disagreed with the model since `after` (all of them when null). */
export async function correctionsSince(db: Kysely<DB>, after: Date | null): Promise<number> {
  let q = db.selectFrom('classifier_corrections').select((eb) => eb.fn.countAll<string>().as('n')).where('agreed', '=', false);
  if (after) q = q.where('chosen_at', '>', after);
  return Number((await q.executeTakeFirstOrThrow()).n);
}
