import { App } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from '../../api/client';

/** One record of a record page (GET path): loaded on open, again on `reload`; a failure is kept to show instead. */
export function useRecord<T>(path: string) {
  const { message } = App.useApp();
  const [record, setRecord] = useState<T | null>(null);
  const [failure, setFailure] = useState<Error | null>(null);
  const reload = useCallback(() => {
    api<T>(path).then(setRecord).catch((e: unknown) => {
      setFailure(e instanceof Error ? e : new Error(String(e)));
      message.error(errorText(e));
    });
  }, [path, message]);
  useEffect(reload, [reload]);
  return { record, failure, reload };
}
