import { useCallback } from 'react';
import { useI18n } from '../../app/i18n';

/** A screen's own strings: key → [中文, English]. */
export type TextDictionary = Record<string, readonly [string, string]>;
export type LocalTranslate<D extends TextDictionary> = (key: keyof D & string, params?: Record<string, string | number>) => string;

/** Fills {name} placeholders the way the shared dictionary does. */
export const fillText = (text: string, params: Record<string, string | number> = {}) => text.replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));

/**
 * `t` for a screen's own dictionary, in the language chosen in the header (the shared dictionary in
 * app/i18n.tsx keeps the words every screen uses; a screen's own words stay beside the screen).
 */
export function useLocalText<D extends TextDictionary>(dictionary: D): LocalTranslate<D> {
  const { lang } = useI18n();
  return useCallback((key, params) => fillText(dictionary[key]?.[lang === 'en' ? 1 : 0] ?? key, params), [dictionary, lang]);
}
