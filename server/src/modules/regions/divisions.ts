import fs from 'node:fs';
import type { RegionLevel } from '@gongzhi/contracts';
import { significantPrefix } from '../../platform/access.js';

export interface DivisionRow {
  code: string;
  name: string;
  parentCode: string | null;
  level: RegionLevel;
}

const levels = new Set<string>(['province', 'city', 'county', 'township', 'village']);
const parentLength: Record<RegionLevel, number> = { province: 0, city: 2, county: 4, township: 6, village: 9 };

/**
 * Reads a division CSV (`code,name,parent_code,level`) and checks each row against the code rules:
 * 12 digits, a level the code's shape agrees with, and a parent that is the code's own prefix.
 */
export function readDivisions(file: string): DivisionRow[] {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
  if (header !== 'code,name,parent_code,level') throw new Error(`${file}: unexpected header ${header}`);
  return lines.map((line, i) => {
    const [code = '', name = '', parent = '', level = ''] = line.split(',');
    const row = { code, name, parentCode: parent || null, level: level as RegionLevel };
    const problem = divisionCodeProblem(row);
    if (problem) throw new Error(`${file}:${i + 2}: ${problem}`);
    return row;
  });
}

/** Why a division row breaks the coding rules, or null when it is sound. */
export function divisionCodeProblem(row: DivisionRow): string | null {
  if (!/^\d{12}$/.test(row.code)) return `code ${row.code} is not 12 digits`;
  if (!levels.has(row.level)) return `unknown level ${row.level}`;
  if (!row.name) return `code ${row.code} has no name`;
  const expectedParent = parentOf(row.code, row.level);
  if ((row.parentCode ?? null) !== expectedParent) return `code ${row.code} should have parent ${expectedParent ?? '(none)'}, not ${row.parentCode ?? '(none)'}`;
  const prefixLength = significantPrefix(row.code).length;
  if (row.level !== 'village' && prefixLength > parentLength[row.level] + (row.level === 'township' ? 3 : 2))
    return `code ${row.code} has digits beyond its level ${row.level}`;
  return null;
}

/** The parent's 12-digit code for a code at a level, from the code itself. */
export function parentOf(code: string, level: RegionLevel): string | null {
  const n = parentLength[level];
  return n === 0 ? null : code.slice(0, n).padEnd(12, '0');
}
