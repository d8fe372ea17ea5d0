import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { requirePermission, type Principal } from '../../platform/access.js';
import { writeAudit } from '../../platform/audit.js';
import { badRequest, notFound } from '../../platform/errors.js';
import { evaluate, FormulaError, parseFormula } from './formula.js';
import type { Metrics } from './metrics.js';

export interface IndicatorDefinition {
  code: string;
  name: string;
  nameEn: string;
  formula: string;
  unit: 'ratio' | 'hours' | 'count';
  higherIsBetter: boolean;
  updatedBy: string | null;
  tree: ReturnType<typeof parseFormula>;
}

/** The indicators in their order, formulas parsed (they were checked when saved). */
export async function loadIndicators(db: Kysely<DB>): Promise<IndicatorDefinition[]> {
  const rows = await db.selectFrom('indicator_definitions').selectAll().orderBy('sort').execute();
  return rows.map((r) => ({
    code: r.code, name: r.name, nameEn: r.name_en, formula: r.formula, unit: r.unit, higherIsBetter: r.higher_is_better, updatedBy: r.updated_by_name,
    tree: parseFormula(r.formula),
  }));
}

const round = (x: number | null) => (x === null ? null : Math.round(x * 10_000) / 10_000);

export function indicatorValues(definitions: readonly IndicatorDefinition[], metrics: Metrics): Record<string, number | null> {
  return Object.fromEntries(definitions.map((d) => [d.code, round(evaluate(d.tree, metrics))]));
}

export async function listIndicators(db: Kysely<DB>, actor: Principal | null) {
  requirePermission(actor, 'stats:read');
  return { items: (await loadIndicators(db)).map(({ tree: _tree, ...d }) => d) };
}

/** An administrator rewrites an indicator's formula or names; the formula is checked before it is kept. */
export async function updateIndicator(db: Kysely<DB>, actor: Principal | null, code: string, change: { name?: string; nameEn?: string; formula?: string }, ip: string) {
  const p = requirePermission(actor, 'stats:define');
  if (change.formula !== undefined) {
    try {
      parseFormula(change.formula);
    } catch (e) {
      if (e instanceof FormulaError) throw badRequest(e.reason === 'unknown_metric' ? 'stats.formula_metric' : 'stats.formula_syntax', { at: e.at });
      throw e;
    }
  }
  await db.transaction().execute(async (tx) => {
    const done = await tx.updateTable('indicator_definitions')
      .set({ ...(change.name ? { name: change.name } : {}), ...(change.nameEn ? { name_en: change.nameEn } : {}), ...(change.formula ? { formula: change.formula.trim() } : {}), updated_by_name: p.displayName, updated_at: new Date() })
      .where('code', '=', code).executeTakeFirst();
    if (Number(done.numUpdatedRows) === 0) throw notFound('stats.indicator_not_found', { code });
    await writeAudit(tx, { action: 'stats.indicator_update', actor: p, targetType: 'indicator', targetId: code, ip, detail: change });
  });
  return (await listIndicators(db, p)).items.find((d) => d.code === code)!;
}
