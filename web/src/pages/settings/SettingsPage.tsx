import { Tabs } from 'antd';
import { useState } from 'react';
import { useI18n } from '../../app/i18n';
import { can, useSession } from '../../app/session';
import { BaseDataFieldsTab } from './BaseDataFieldsTab';
import { useFieldsText } from './basedataFields/strings';
import { CalendarTab } from './CalendarTab';
import { CategoriesTab } from './CategoriesTab';
import { ClassifierTab } from './classifier/ClassifierTab';
import { useClassifierText } from './classifier/strings';
import { ReportFieldsTab } from './ReportFieldsTab';
import { RoutingTab } from './RoutingTab';

const tabKey = 'gongzhi.settingsTab';

/** 办理设置: the reference data of the case loop — categories and their time limits, routing rules, the work calendar — and the base data's field definitions. */
export function SettingsPage() {
  const { t } = useI18n();
  const { user } = useSession();
  const tf = useFieldsText();
  const tc = useClassifierText();
  const items = [
    ...(can(user, 'category:write') ? [{ key: 'categories', label: t('set_categories'), children: <CategoriesTab /> }] : []),
    ...(can(user, 'category:write') ? [{ key: 'report-fields', label: t('set_reportFields'), children: <ReportFieldsTab /> }] : []),
    ...(can(user, 'routing:write') ? [{ key: 'routing', label: t('set_routing'), children: <RoutingTab /> }] : []),
    ...(can(user, 'calendar:write') ? [{ key: 'calendar', label: t('set_calendar'), children: <CalendarTab /> }] : []),
    ...(can(user, 'basedata:define') ? [{ key: 'basedata-fields', label: tf('tab'), children: <BaseDataFieldsTab /> }] : []),
    ...(can(user, 'classify:manage') ? [{ key: 'classifier', label: tc('tab'), children: <ClassifierTab /> }] : []),
  ];
  const [tab, setTab] = useState(() => {
    const saved = sessionStorage.getItem(tabKey);
    return items.some((i) => i.key === saved) ? saved! : items[0]?.key;
  });
  return (
    <div style={{ padding: '8px 16px 16px', overflow: 'auto', height: '100%', boxSizing: 'border-box' }} data-testid="settings-page">
      <Tabs activeKey={tab} destroyOnHidden items={items} onChange={(k) => {
        sessionStorage.setItem(tabKey, k);
        setTab(k);
      }} />
    </div>
  );
}
