/** What is picked on the grid map; each level implies the ones above it. */
export interface Selection {
  street: string | null;
  community: string | null;
  grid: string | null;
}

export const nothingSelected: Selection = { street: null, community: null, grid: null };

/** The selection a code stands for: a street, a community or a grid. */
export function selectionFor(code: string): Selection {
  if (code.length === 15) return { street: `${code.slice(0, 9)}000`, community: code.slice(0, 12), grid: code };
  if (code.endsWith('000000')) return nothingSelected; // the county or above
  if (code.endsWith('000')) return { street: code, community: null, grid: null };
  return { street: `${code.slice(0, 9)}000`, community: code, grid: null };
}
