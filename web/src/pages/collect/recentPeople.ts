import type { PersonListItem } from '@gongzhi/contracts';
import { useCallback, useState } from 'react';

/** What the phone keeps of a person picked for a visit: enough to pick them again offline (the ID number masked). */
export type RecentPerson = Pick<PersonListItem, 'id' | 'name' | 'idMasked' | 'personType'>;

const keep = 8;

function read(key: string): RecentPerson[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(v) ? (v as RecentPerson[]) : [];
  } catch {
    return [];
  }
}

/** The last people this worker picked for a visit, newest first, so a visit can be recorded where there is no network. */
export function useRecentPeople(userId: string) {
  const key = `gongzhi.collect.recent.${userId}`;
  const [people, setPeople] = useState<RecentPerson[]>(() => read(key));
  const remember = useCallback((p: RecentPerson) => {
    const next = [{ id: p.id, name: p.name, idMasked: p.idMasked, personType: p.personType }, ...read(key).filter((x) => x.id !== p.id)].slice(0, keep);
    try {
      localStorage.setItem(key, JSON.stringify(next));
    } catch {
      // storage refused: remembered for this page only
    }
    setPeople(next);
  }, [key]);
  return { people, remember };
}
