/** Placeholder until the grid worker's collection screen lands. */
export function CollectPage() {
  return null;
}
