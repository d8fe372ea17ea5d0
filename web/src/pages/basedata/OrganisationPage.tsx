/** Placeholder until the base data screens land. */
export function OrganisationPage(_props: { id: string }) {
  return null;
}
