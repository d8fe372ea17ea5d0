/**
 * Fuzzy Chinese name search without a tokenizer: a name is indexed by its characters and each pair of
 * neighbouring characters (a GIN index on text[]); a query of one character matches that character, a
 * longer query every pair it contains, so "张伟" finds 张伟 and 张伟明 but not 伟张.
 */
export function nameGrams(name: string): string[] {
  const chars = [...name.replace(/[\s·•.\-()（）]/g, '').toLowerCase()];
  const grams = new Set(chars);
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars.slice(i, i + 2).join(''));
  return [...grams];
}

export function queryGrams(query: string): string[] {
  const chars = [...query.replace(/[\s·•.\-()（）]/g, '').toLowerCase()];
  if (chars.length <= 1) return chars;
  const grams = new Set<string>();
  for (let i = 0; i + 1 < chars.length; i++) grams.add(chars.slice(i, i + 2).join(''));
  return [...grams];
}
