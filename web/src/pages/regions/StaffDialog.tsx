import type { GridDetail, UserItem } from '@gongzhi/contracts';
import { Alert, Form, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';

/** Assign the grid head (from accounts in the community) and grid workers (grid-worker accounts of this grid). */
export function StaffDialog({ grid, onClose, onSaved }: { grid: GridDetail; onClose(): void; onSaved(g: GridDetail): void }) {
  const { t } = useI18n();
  const [heads, setHeads] = useState<UserItem[]>([]);
  const [workers, setWorkers] = useState<UserItem[]>([]);
  const [headId, setHeadId] = useState<string | null>(grid.head?.id ?? null);
  const [workerIds, setWorkerIds] = useState<string[]>(grid.workers.map((w) => w.id));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    api<{ items: UserItem[] }>(`/users?scope=${grid.communityCode}`).then((r) => setHeads(r.items.filter((u) => u.role !== 'citizen'))).catch((e: Error) => setError(e.message));
    api<{ items: UserItem[] }>(`/users?role=grid_worker&scope=${grid.code}`).then((r) => setWorkers(r.items)).catch((e: Error) => setError(e.message));
  }, [grid]);
  const options = (users: UserItem[]) => users.map((u) => ({ value: u.id, label: `${u.displayName}（${u.username}）` }));
  const save = async () => {
    try {
      onSaved(await api<GridDetail>(`/grids/${grid.code}/staff`, { method: 'PUT', body: { headUserId: headId, workerUserIds: workerIds } }));
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Modal open title={`${t('assignStaff')} · ${grid.name}`} onCancel={onClose} onOk={save} okText={t('save')} cancelText={t('cancel')}>
      <Form layout="vertical">
        <Form.Item label={t('head')}><Select allowClear showSearch optionFilterProp="label" value={headId ?? undefined} onChange={(v) => setHeadId(v ?? null)} options={options(heads)} /></Form.Item>
        <Form.Item label={t('workers')}><Select mode="multiple" optionFilterProp="label" value={workerIds} onChange={setWorkerIds} options={options(workers)} /></Form.Item>
      </Form>
      {error && <Alert type="error" showIcon message={error} />}
    </Modal>
  );
}
