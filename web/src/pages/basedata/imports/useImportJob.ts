import type { ImportItem } from '@gongzhi/contracts';
import { useEffect, useState } from 'react';
import { api, errorText } from '../../../api/client';

const pollMs = 500;
export const finished = (job: ImportItem) => job.state === 'done' || job.state === 'failed';

/** An import, read again every half second until it is done or failed; `onFinish` once at the end. */
export function useImportJob(initial: ImportItem | null, onFinish: (job: ImportItem) => void) {
  const [job, setJob] = useState<ImportItem | null>(initial);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => setJob(initial), [initial]);
  const id = job?.id;
  const running = job !== null && !finished(job);
  useEffect(() => {
    if (!id || !running) return;
    let live = true;
    let timer = 0;
    const tick = async () => {
      try {
        const next = await api<ImportItem>(`/basedata/imports/${id}`);
        if (!live) return;
        setJob(next);
        setError(null);
        if (finished(next)) return onFinish(next);
      } catch (e) {
        if (live) setError(errorText(e)); // keep polling: a blip of the network does not end the import
      }
      if (live) timer = window.setTimeout(() => void tick(), pollMs);
    };
    timer = window.setTimeout(() => void tick(), pollMs);
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- one loop per running import
  }, [id, running]);
  return { job, error };
}
