import { z } from 'zod';

/** 12-digit statistical division code (统计用区划代码). */
export const divisionCode = z.string().regex(/^\d{12}$/, { message: 'division_code.format' });
/** 15-digit unit grid code: 12-digit community code + 3-digit sequence. */
export const gridCode = z.string().regex(/^\d{15}$/, { message: 'grid_code.format' });
/** A jurisdiction scope is either a division code or a grid code. */
export const scopeCode = z.string().regex(/^(\d{12}|\d{15})$/, { message: 'scope_code.format' });

export const regionLevels = ['province', 'city', 'county', 'township', 'village'] as const;
export type RegionLevel = (typeof regionLevels)[number];
