/** Placeholder until the base data screens land. */
export function DwellingPage(_props: { id: string }) {
  return null;
}
