import { Segmented } from 'antd';
import { useI18n } from './i18n';

export function LanguageSwitch() {
  const { lang, setLang } = useI18n();
  return <Segmented size="small" value={lang} onChange={(v) => setLang(v as 'zh' | 'en')} options={[{ label: '中文', value: 'zh' }, { label: 'EN', value: 'en' }]} />;
}
