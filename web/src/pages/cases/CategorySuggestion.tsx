import type { ClassifyResponse } from '@gongzhi/contracts';
import { Typography } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../app/i18n';

export const suggestAfterChars = 8;
const debounceMs = 600;

/**
 * 建议分类: while the description is typed, the classifier's label (one of the seven first-level classes
 * of its training data, not a case category) and the unit it goes to, as a hint. It never fills the
 * category in; when classification fails or is not allowed, nothing shows and reporting goes on.
 */
export function CategorySuggestion({ text }: { text: string | undefined }) {
  const { t } = useI18n();
  const [suggestion, setSuggestion] = useState<ClassifyResponse | null>(null);
  const trimmed = (text ?? '').trim();
  useEffect(() => {
    if (trimmed.length < suggestAfterChars) return void setSuggestion(null);
    let live = true;
    const timer = setTimeout(() => {
      api<ClassifyResponse>('/classify', { method: 'POST', body: { text: trimmed } })
        .then((s) => live && setSuggestion(s))
        .catch(() => live && setSuggestion(null));
    }, debounceMs);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [trimmed]);
  if (!suggestion) return null;
  const unit = suggestion.unit ? `（${suggestion.unit.name}）` : '';
  return (
    <div data-testid="category-suggestion" style={{ fontSize: 13, paddingTop: 2 }} title={t('suggestionNote')}>
      <Typography.Text style={{ color: '#ad6800' }}>
        {t('suggestedCategory', { label: suggestion.label })}{unit}
        <Typography.Text type="secondary" style={{ marginLeft: 6, fontSize: 12 }} data-testid="suggestion-confidence">{Math.round(suggestion.confidence * 100)}%</Typography.Text>
      </Typography.Text>
    </div>
  );
}
