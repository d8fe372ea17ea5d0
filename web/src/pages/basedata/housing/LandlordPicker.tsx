import { App, Button, Modal, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError, errorText } from '../../../api/client';
import { useI18n } from '../../../app/i18n';
import { listQuery } from '../query';
import { useStrings } from '../strings';
import type { PersonListItem, PersonListResponse } from '../types';

interface Props {
  dwellingId: string;
  version: number;
  current: { id: string; name: string } | null;
  onSaved(): void;
}

/** 设置房东: finds a person of the jurisdiction by name, ID number or phone and names them the landlord (or clears it). */
export function LandlordPicker({ dwellingId, version, current, onSaved }: Props) {
  const s = useStrings();
  const { t } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [q, setQ] = useState('');
  const [found, setFound] = useState<PersonListItem[]>([]);
  const [picked, setPicked] = useState<string | null>(current?.id ?? null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!open || q.trim().length < 1) return setFound([]);
    let live = true;
    const timer = setTimeout(() => {
      api<PersonListResponse>(`/basedata/people?${listQuery({ q: q.trim() }, 1, 10)}`).then((r) => live && setFound(r.items)).catch(() => undefined);
    }, 250);
    return () => { live = false; clearTimeout(timer); };
  }, [q, open]);
  const save = async () => {
    setBusy(true);
    try {
      await api(`/basedata/dwellings/${dwellingId}/landlord`, { method: 'PUT', body: { version, landlordId: picked } });
      message.success(s('saved'));
      setOpen(false);
      onSaved();
    } catch (e) {
      message.error(e instanceof ApiError && e.status === 409 ? s('stale') : errorText(e));
      if (e instanceof ApiError && e.status === 409) onSaved();
    } finally {
      setBusy(false);
    }
  };
  const options = [
    ...(current && !found.some((p) => p.id === current.id) ? [{ value: current.id, label: current.name }] : []),
    ...found.map((p) => ({ value: p.id, label: `${p.name} · ${p.idMasked}` })),
  ];
  return (
    <>
      <Button size="small" type="link" style={{ padding: 0, height: 'auto' }} onClick={() => { setPicked(current?.id ?? null); setOpen(true); }} data-testid="set-landlord">{s('setLandlord')}</Button>
      <Modal open={open} title={s('setLandlord')} onCancel={() => setOpen(false)} onOk={() => void save()} confirmLoading={busy} okText={t('save')} destroyOnHidden>
        <Select showSearch allowClear style={{ width: '100%' }} filterOption={false} value={picked ?? undefined} placeholder={s('searchPeople')}
          onSearch={setQ} onChange={(v?: string) => setPicked(v ?? null)} options={options} notFoundContent={null} data-testid="landlord-select" />
      </Modal>
    </>
  );
}
