/** Placeholder until this tab lands. */
export function ImportsTab() {
  return null;
}
