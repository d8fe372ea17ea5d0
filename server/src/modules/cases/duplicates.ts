import type { CaseState } from '@gongzhi/contracts';
import { isOpen } from './state-machine.js';

/**
 * Likely duplicates (疑似重复): a new report that repeats an open case of the same category close by
 * and recently, in similar words. Pure rules; duplicates.service.ts finds the candidates in PostGIS.
 *
 * Text similarity is the Dice coefficient of character bigrams after normalisation (NFKC, lower case,
 * without punctuation, digits and white space). Chinese has no spaces, and two reports of one problem
 * name the same place and object in the same characters (“新华路与人民路交叉口井盖破损”), while
 * word segmentation (jieba, used by the classifier but not exported by it) splits unknown place names
 * unpredictably; bigrams need no dictionary, cost nothing and are symmetric. Digits go because they
 * are amounts and house numbers that witnesses report differently; a few stock openings of hotline
 * and patrol reports (“市民来电反映：”) go because they say who reported, not what.
 */

export interface DuplicateWindow {
  radiusM: number;
  windowHours: number;
}

/** Reports in the same category at or above this similarity, inside the radius and window, are flagged. */
export const similarityThreshold = 0.35;
/** At most this many candidates are shown. */
export const maxCandidates = 3;

const stockOpenings = /^(市民来电反映|来电人反映|12345转办|巡查发现|视频巡查发现|网格员反映|居民反映)[:：]?/u;

export function normalise(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\p{P}\p{S}\p{N}\s]+/gu, '')
    .replace(stockOpenings, '');
}

export function bigrams(text: string): Map<string, number> {
  const chars = [...normalise(text)];
  const grams = new Map<string, number>();
  if (chars.length === 1) grams.set(chars[0]!, 1);
  for (let i = 0; i + 1 < chars.length; i++) {
    const g = chars[i]! + chars[i + 1]!;
    grams.set(g, (grams.get(g) ?? 0) + 1);
  }
  return grams;
}

/** Dice coefficient of the two texts' character-bigram multisets, 0 … 1. */
export function similarity(a: string | Map<string, number>, b: string | Map<string, number>): number {
  const x = typeof a === 'string' ? bigrams(a) : a;
  const y = typeof b === 'string' ? bigrams(b) : b;
  let nx = 0;
  let ny = 0;
  let both = 0;
  for (const n of x.values()) nx += n;
  for (const [g, n] of y) {
    ny += n;
    both += Math.min(n, x.get(g) ?? 0);
  }
  return nx + ny === 0 ? 0 : (2 * both) / (nx + ny);
}

export interface Candidate {
  id: string;
  number: string;
  categoryCode: string;
  state: CaseState;
  description: string;
  reportedAt: Date;
  distanceM: number;
}

export interface Report {
  categoryCode: string;
  description: string;
  at: Date;
  /** The new report itself, when it is already a case: never its own duplicate. */
  id?: string;
}

export interface Scored extends Candidate {
  similarity: number;
  score: number;
}

/**
 * The candidates a report likely repeats, best first: an open case of the same category (leaf type:
 * 井盖 and 路灯 share a class but are different problems), reported before the report and no longer
 * ago than the window, within the radius, with text similarity at or above the threshold. The score
 * is the similarity, discounted by up to a third for distance (at the edge of the radius).
 */
export function likelyDuplicates(report: Report, candidates: readonly Candidate[], window: DuplicateWindow, threshold = similarityThreshold): Scored[] {
  const grams = bigrams(report.description);
  const earliest = report.at.getTime() - window.windowHours * 3_600_000;
  return candidates
    .filter((c) => c.id !== report.id && c.categoryCode === report.categoryCode && isOpen(c.state))
    .filter((c) => c.reportedAt.getTime() <= report.at.getTime() && c.reportedAt.getTime() >= earliest && c.distanceM <= window.radiusM)
    .map((c) => {
      const s = similarity(grams, c.description);
      return { ...c, similarity: round(s), score: round(s * (1 - c.distanceM / window.radiusM / 3)), raw: s };
    })
    .filter((c) => c.raw >= threshold)
    .sort((a, b) => b.score - a.score || a.distanceM - b.distanceM)
    .slice(0, maxCandidates)
    .map(({ raw: _raw, ...c }) => c);
}

const round = (n: number) => Math.round(n * 1000) / 1000;

/** What a citizen sees of another person's case: never the reporter, at most the first 40 characters. */
export function publicExcerpt(description: string, max = 40): string {
  const chars = [...description];
  return chars.length <= max ? description : `${chars.slice(0, max).join('')}…`;
}
