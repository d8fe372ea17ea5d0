import type { BaseEntityName } from '@gongzhi/contracts';
import { Card, Segmented, Typography } from 'antd';
import { useState } from 'react';
import { FieldsTable } from './basedataFields/FieldsTable';
import { useFieldsText } from './basedataFields/strings';
import { TagsPanel } from './basedataFields/TagsPanel';

const entities: BaseEntityName[] = ['person', 'dwelling', 'organisation'];

/**
 * 字段定义: what the base data holds. Per entity its fields (core ones fixed, extra ones defined for
 * the jurisdiction) and the authoritative source of each (一数一源); below, the group tags of people.
 */
export function BaseDataFieldsTab() {
  const tf = useFieldsText();
  const [entity, setEntity] = useState<BaseEntityName>('person');
  return (
    <div data-testid="basedata-fields-tab">
      <Segmented<BaseEntityName> value={entity} onChange={setEntity} options={entities.map((e) => ({ value: e, label: tf(`entity_${e}`) }))} style={{ marginBottom: 8 }} />
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8, maxWidth: 960 }}>{tf('intro')}</Typography.Paragraph>
      <FieldsTable key={entity} entity={entity} />
      {entity === 'person' && (
        <Card size="small" title={tf('tags')} style={{ marginTop: 16 }}>
          <TagsPanel />
        </Card>
      )}
    </div>
  );
}
