import type { dwellingUsageValues, personTypeValues } from '@gongzhi/contracts';
import { Button, Space, Tag, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { formatTime } from '../cases/format';
import { useSources, useTags } from './reference';
import { useStrings, type StringKey } from './strings';
import type { Provenance } from './types';

type PersonType = (typeof personTypeValues)[number];
type Usage = (typeof dwellingUsageValues)[number];

const personTypeColour: Record<PersonType, string> = { huji: 'blue', changzhu: 'cyan', liudong: 'orange', jingwai: 'purple' };
export function PersonTypeTag({ type }: { type: PersonType }) {
  const s = useStrings();
  return <Tag color={personTypeColour[type]} style={{ marginInlineEnd: 0 }}>{s(`person_type_${type}` as StringKey)}</Tag>;
}

/** The colours of a dwelling's use, in the building grid, its legend and the dwelling page. */
export const usageColour: Record<Usage, string> = { owner_occupied: '#52c41a', rented: '#fa8c16', vacant: '#bfbfbf', commercial: '#1677ff' };
export function UsageTag({ usage }: { usage: Usage }) {
  const s = useStrings();
  return <Tag color={usageColour[usage]} style={{ marginInlineEnd: 0 }}>{s(`usage_${usage}` as StringKey)}</Tag>;
}

/** Group tags (独居老人, 退役军人 …) by code; focus groups (重点人群) in red. */
export function GroupTags({ codes }: { codes: readonly string[] }) {
  const { lang } = useI18n();
  const tags = useTags();
  // until the names arrive, show nothing rather than flash the raw codes
  if (codes.length === 0 || tags.length === 0) return null;
  return (
    <Space size={[4, 4]} wrap>
      {codes.map((code) => {
        const tag = tags.find((x) => x.code === code);
        return <Tag key={code} color={tag?.focus ? 'red' : 'geekblue'} style={{ marginInlineEnd: 0 }}>{tag ? (lang === 'en' && tag.nameEn ? tag.nameEn : tag.name) : code}</Tag>;
      })}
    </Space>
  );
}

/** Where a value came from (一数一源): the source and when, as a small muted line. */
export function SourceNote({ entry }: { entry: Provenance | undefined }) {
  const s = useStrings();
  const { lang } = useI18n();
  const sources = useSources();
  if (!entry) return null;
  const known = sources.find((x) => x.code === entry.source);
  const name = lang === 'en' && known?.nameEn ? known.nameEn : entry.sourceName;
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }} data-testid="source-note">
      {s('sourceLine', { source: name, time: formatTime(entry.at) })}{entry.by ? ` · ${entry.by}` : ''}
    </Typography.Text>
  );
}

/** Paging without a total: the lists say only whether another page exists (`hasMore`). */
export function Pager({ page, hasMore, onPage }: { page: number; hasMore: boolean; onPage(page: number): void }) {
  const s = useStrings();
  if (page === 1 && !hasMore) return null;
  return (
    <Space style={{ justifyContent: 'flex-end', width: '100%', marginTop: 12 }} data-testid="pager">
      <Button size="small" disabled={page <= 1} onClick={() => onPage(page - 1)}>{s('prevPage')}</Button>
      <Typography.Text>{s('pageN', { n: page })}</Typography.Text>
      <Button size="small" disabled={!hasMore} onClick={() => onPage(page + 1)}>{s('nextPage')}</Button>
    </Space>
  );
}
