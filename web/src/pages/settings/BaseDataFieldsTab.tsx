/** Placeholder until this tab lands. */
export function BaseDataFieldsTab() {
  return null;
}
