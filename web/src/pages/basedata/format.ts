import type { Lang } from '../../app/i18n';
import { enumText, text } from './strings';
import type { DwellingItem, FieldDefinition } from './types';

const shanghaiDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });
/** Today in Asia/Shanghai as 2026-11-24. */
export const today = (now = new Date()) => shanghaiDay.format(now);

/** Whole years between a date of birth and a day (both YYYY-MM-DD); null when there is no birth date. */
export function ageOn(birthDate: string | null, day: string): number | null {
  if (!birthDate) return null;
  const [by, bm, bd] = birthDate.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export const fieldLabel = (f: Pick<FieldDefinition, 'label' | 'labelEn'>, lang: Lang) => (lang === 'en' && f.labelEn ? f.labelEn : f.label);

/** The words for a choice: this app's own for the core enumerations, else the option label an administrator gave. */
export function optionText(f: Pick<FieldDefinition, 'key' | 'options'>, value: string, lang: Lang): string {
  return enumText(lang, f.key, value) ?? f.options.find((o) => o.value === value)?.label ?? value;
}

/** A stored value as people read it: choices as their label, booleans as 是/否, blanks as —. */
export function valueText(f: Pick<FieldDefinition, 'key' | 'type' | 'options'> | undefined, value: string | null | undefined, lang: Lang): string {
  if (value === null || value === undefined || value === '') return '—';
  if (!f) return value;
  if (f.type === 'boolean') return value === 'true' ? text(lang, 'yes') : value === 'false' ? text(lang, 'no') : value;
  if (f.type === 'choice') return optionText(f, value, lang);
  return value;
}

/** The floor a room is on, from its number (301 → 3, 1502 → 15, B101 → B1); null when the number says nothing. */
export function floorOf(roomNo: string): string | null {
  const m = /^([A-Za-z]?\d{1,3})(\d{2})$/.exec(roomNo.trim());
  return m ? m[1]!.replace(/^([A-Za-z]?)0+(?=\d)/, '$1') : null;
}

export interface UnitLayout {
  unitNo: string;
  /** Top floor first, as a building is drawn; rooms without a floor at the end. */
  floors: { floor: string | null; rooms: DwellingItem[] }[];
}

const numeric = (a: string, b: string) => a.localeCompare(b, 'zh-CN', { numeric: true });
const floorRank = (f: string | null) => (f === null ? -Infinity : /^[A-Za-z]/.test(f) ? -Number(f.slice(1)) : Number(f));

/** The dwellings of a building arranged as it stands: by unit, then floor (top first), then room. */
export function unitLayout(dwellings: readonly DwellingItem[]): UnitLayout[] {
  const units = new Map<string, Map<string | null, DwellingItem[]>>();
  for (const d of dwellings) {
    const floors = units.get(d.unitNo) ?? units.set(d.unitNo, new Map()).get(d.unitNo)!;
    const floor = floorOf(d.roomNo);
    (floors.get(floor) ?? floors.set(floor, []).get(floor)!).push(d);
  }
  return [...units.entries()].sort(([a], [b]) => numeric(a, b)).map(([unitNo, floors]) => ({
    unitNo,
    floors: [...floors.entries()]
      .sort(([a], [b]) => floorRank(b) - floorRank(a))
      .map(([floor, rooms]) => ({ floor, rooms: rooms.sort((x, y) => numeric(x.roomNo, y.roomNo)) })),
  }));
}
