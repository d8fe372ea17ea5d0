import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { badRequest, conflict, localise, type FieldError } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n.js';
import type { PiiKeys } from '../../platform/pii.js';
import { shanghaiDay } from '../calendar/index.js';
import { shapes } from './entities.js';
import { fieldSpecsFor } from './fields.service.js';
import { validateValues, type ValueError } from './validate.js';
import { writeBatch, type EntityAdapter, type RowOutcome } from './write-batch.js';
import { authoritiesOf, openWrite } from './write-sources.js';

/** Grid workers always write as 网格采集; administrators may name the department a value came from. */
export function sourceFor(actor: Principal, requested: string | undefined): string {
  if (actor.role === 'grid_worker' || !requested) return 'wangge';
  return requested;
}

export function fieldErrors(errors: ValueError[], lang: Lang): FieldError[] {
  return errors.map((e) => ({ path: `values.${e.field}`, code: e.code, message: localise(e.code, lang, e.params) }));
}

export interface SaveInput {
  /** Which entity, and how its rows are written. */
  adapter: EntityAdapter;
  values: Record<string, string | null>;
  source: string | undefined;
  /** The record a form edits (checked in scope and version by the caller); absent to create. */
  recordId?: string;
  /** The version of the record the form showed: a record changed meanwhile answers 409. */
  version?: number;
  /** The grid the record is in (to pick its defined fields); the one given in the values when creating. */
  gridCode: string | null;
  lang: Lang;
  ip: string;
}

/** Validates and writes one record from a form, in one transaction with its audit row. */
export async function saveRecord(db: Kysely<DB>, pii: PiiKeys, actor: Principal, input: SaveInput): Promise<RowOutcome> {
  const entity = input.adapter.entity;
  const specs = await fieldSpecsFor(db, entity, input.values.grid_code ?? input.gridCode);
  const checked = validateValues(specs, input.values, input.recordId ? 'update' : 'create');
  if (checked.errors.length) throw badRequest('basedata.invalid', {}, fieldErrors(checked.errors, input.lang));
  const unknown = Object.keys(input.values).filter((k) => !specs.some((s) => s.key === k));
  if (unknown.length) throw badRequest('basedata.field_unknown', { key: unknown.join(', ') });
  return db.transaction().execute(async (tx) => {
    if (input.recordId && input.version !== undefined) {
      const row = await tx.selectFrom(shapes[entity].table).select('version').where('id', '=', input.recordId).forUpdate().executeTakeFirst();
      if (!row || row.version !== input.version) throw conflict('basedata.stale');
    }
    const write = await openWrite(tx, { sourceCode: sourceFor(actor, input.source), actor });
    const ctx = { db: tx, root: db, pii, actor, write, authorities: await authoritiesOf(tx, entity), today: shanghaiDay(new Date()) };
    const [outcome] = await writeBatch(ctx, input.adapter, [{ rowNo: 1, values: checked.values, ...(input.recordId ? { recordId: input.recordId } : {}) }]);
    if (!outcome || outcome.status === 'failed') {
      const errors = outcome?.errors ?? [];
      throw badRequest('basedata.invalid', {}, fieldErrors(errors, input.lang));
    }
    await writeAudit(tx, { action: `${entity}.${outcome.status === 'inserted' ? 'create' : 'update'}`, actor, targetType: entity, targetId: outcome.id as string, ip: input.ip, detail: { fields: Object.keys(checked.values).filter((k) => k !== 'id_number' && k !== 'phone'), source: write.source } });
    return outcome;
  });
}
