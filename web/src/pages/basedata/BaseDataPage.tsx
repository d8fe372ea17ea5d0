/** Placeholder until the base data screens land. */
export function BaseDataPage(_props: { tab: string | null }) {
  return null;
}
