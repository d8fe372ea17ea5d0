/** Placeholder until this tab lands. */
export function DiscrepanciesTab() {
  return null;
}
