/** Placeholder until the base data screens land. */
export function PersonPage(_props: { id: string }) {
  return null;
}
