export type Lang = 'zh-CN' | 'en';

/** Chinese first: English only when the client asks for it (Accept-Language or ?lang=en). */
export function pickLang(acceptLanguage: string | undefined, explicit?: string): Lang {
  const wanted = (explicit ?? acceptLanguage ?? '').trim().toLowerCase();
  return wanted.startsWith('en') ? 'en' : 'zh-CN';
}

export type Bilingual = { zh: string; en: string };

export function format(template: string, params: Record<string, unknown> = {}): string {
  return template.replace(/\{(\w+)\}/g, (m, key: string) => (key in params ? String(params[key]) : m));
}
