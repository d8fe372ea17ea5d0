import type { LikelyDuplicate } from '@gongzhi/contracts';
import { Alert, Button } from 'antd';
import { useI18n } from '../../app/i18n';
import { caseHref } from '../../app/pages';

/**
 * 疑似重复 on a case page (dispatchers, while the report waits): the open case it likely repeats, a link
 * to it, and the merge action with that case filled in when the dispatcher may merge.
 */
export function DuplicateNotice({ of, onMerge }: { of: LikelyDuplicate; onMerge?: () => void }) {
  const { t } = useI18n();
  return (
    <Alert type="warning" showIcon data-testid="case-duplicate" style={{ marginBottom: 12 }}
      message={<span>{t('dup_similarTo')} <a href={caseHref(of.id)} className="code" data-testid="case-duplicate-link">{of.number}</a> {t('dup_away', { m: of.distanceM })}</span>}
      action={onMerge && <Button size="small" onClick={onMerge} data-testid="case-duplicate-merge">{t('dup_merge')}</Button>} />
  );
}
