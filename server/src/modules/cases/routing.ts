import { significantPrefix } from '../../platform/access.js';

export interface RoutingRule {
  id: string;
  categoryCode: string;
  regionCode: string;
  unitId: string;
}

/**
 * The most specific rule for a category in a place: a rule applies when its category is the case's
 * category or its major class, and its region contains the case's community. Among those, the finer
 * category wins (subject matter decides the department), then the smaller region.
 */
export function pickRule<R extends RoutingRule>(rules: readonly R[], categoryCode: string, communityCode: string): R | null {
  let best: R | null = null;
  let bestScore = -1;
  for (const rule of rules) {
    if (!categoryCode.startsWith(rule.categoryCode)) continue;
    const prefix = significantPrefix(rule.regionCode);
    if (!communityCode.startsWith(prefix)) continue;
    const score = rule.categoryCode.length * 100 + prefix.length;
    if (score > bestScore) {
      best = rule;
      bestScore = score;
    }
  }
  return best;
}
