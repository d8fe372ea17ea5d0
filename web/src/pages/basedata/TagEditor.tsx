import { App, Button, Modal, Select } from 'antd';
import { useState } from 'react';
import { api, errorText } from '../../api/client';
import { useI18n } from '../../app/i18n';
import { useTags } from './reference';
import { useStrings } from './strings';

/** 编辑标签: picks the group tags of a person (独居老人, 重点人群 …) and saves them at once. */
export function TagEditor({ personId, codes, onSaved }: { personId: string; codes: readonly string[]; onSaved(codes: string[]): void }) {
  const s = useStrings();
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const tags = useTags();
  const [open, setOpen] = useState(false);
  const [picked, setPicked] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const start = () => {
    setPicked([...codes]);
    setOpen(true);
  };
  const save = async () => {
    setBusy(true);
    try {
      const r = await api<{ codes: string[] }>(`/basedata/people/${personId}/tags`, { method: 'PUT', body: { codes: picked } });
      onSaved(r.codes);
      message.success(s('saved'));
      setOpen(false);
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" onClick={start} data-testid="edit-tags">{s('editTags')}</Button>
      <Modal open={open} title={s('editTags')} onCancel={() => setOpen(false)} onOk={() => void save()} confirmLoading={busy} okText={t('save')}>
        <Select mode="multiple" style={{ width: '100%' }} value={picked} onChange={setPicked} optionFilterProp="label" data-testid="tag-select"
          options={tags.map((x) => ({ value: x.code, label: lang === 'en' && x.nameEn ? x.nameEn : x.name }))} />
      </Modal>
    </>
  );
}
