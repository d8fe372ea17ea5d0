import type { BaseEntityName, FieldDefinition } from '@gongzhi/contracts';
import { useEffect, useState } from 'react';
import { api, errorText } from '../../api/client';

const keyOf = (entity: BaseEntityName, grid: string) => `gongzhi.fields.${entity}.${grid}`;

function remembered(key: string): FieldDefinition[] | null {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(key) ?? 'null');
    return Array.isArray(v) ? (v as FieldDefinition[]) : null;
  } catch {
    return null;
  }
}

/**
 * The fields of `entity` in a grid (core and extra ones). The last answer is kept on the phone, so
 * the registration form still opens offline; `offline` says the form runs on that copy.
 */
export function useGridFields(entity: BaseEntityName, grid: string | null) {
  const [fields, setFields] = useState<FieldDefinition[] | null>(() => (grid ? remembered(keyOf(entity, grid)) : null));
  const [offline, setOffline] = useState(false);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!grid) return;
    let live = true;
    const key = keyOf(entity, grid);
    setFields(remembered(key));
    api<{ items: FieldDefinition[] }>(`/basedata/fields?entity=${entity}&grid=${grid}`)
      .then((r) => {
        if (!live) return;
        setFields(r.items);
        setOffline(false);
        setError(null);
        try {
          localStorage.setItem(key, JSON.stringify(r.items));
        } catch {
          // storage full or refused: the form works while the page is open
        }
      })
      .catch((e: unknown) => {
        if (!live) return;
        setOffline(true);
        setError(errorText(e));
      });
    return () => void (live = false);
  }, [entity, grid]);
  return { fields, offline, error };
}
