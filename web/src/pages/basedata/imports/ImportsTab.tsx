import type { ImportItem } from '@gongzhi/contracts';
import { Alert, Space } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { api, errorText } from '../../../api/client';
import { ImportHistory } from './ImportHistory';
import { ImportRun } from './ImportRun';
import { ImportSetup } from './ImportSetup';
import { useImportText } from './strings';
import { useImportJob } from './useImportJob';

/**
 * 导入: a department's file (CSV or Excel) into the base data. Pick the file, its kind and its source;
 * check the preview and the column mapping; try it (nothing written) or import it; watch it run; read
 * the counts and the rows that failed, and download those rows as a workbook to correct and send again.
 */
export function ImportsTab() {
  const ti = useImportText();
  const [history, setHistory] = useState<ImportItem[] | null>(null);
  const [historyError, setHistoryError] = useState<string | null>(null);
  const [opened, setOpened] = useState<ImportItem | null>(null);
  const loadHistory = useCallback(() => {
    api<{ items: ImportItem[] }>('/basedata/imports')
      .then((r) => {
        setHistory(r.items);
        setHistoryError(null);
      })
      .catch((e: unknown) => {
        setHistory([]);
        setHistoryError(errorText(e));
      });
  }, []);
  useEffect(loadHistory, [loadHistory]);
  const { job, error } = useImportJob(opened, loadHistory);
  const start = (j: ImportItem) => {
    setOpened(j);
    loadHistory();
  };
  return (
    <Space direction="vertical" size={12} style={{ width: '100%' }} data-testid="imports-tab">
      <ImportSetup onStarted={start} />
      {job && <ImportRun key={job.id} job={job} pollError={error} />}
      {historyError && <Alert type="warning" showIcon message={ti('notLive', { e: historyError })} />}
      <ImportHistory items={history} selected={job?.id ?? null} onOpen={setOpened} />
    </Space>
  );
}
