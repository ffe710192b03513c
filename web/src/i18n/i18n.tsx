import { ConfigProvider } from 'antd';
import enUS from 'antd/locale/en_US';
import zhCN from 'antd/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { theme } from '../app/theme.ts';
import { type Bilingual, fromServer, type Locale, type Message, pick } from './message.ts';

type I18n = {
  locale: Locale;
  setLocale: (l: Locale) => void;
  /** The text of a message in the current language. */
  t: (m: Message, params?: Record<string, string | number>) => string;
  /** The text of a server's {zhCN, enUS} pair. */
  ts: (b: Bilingual) => string;
};

const I18nContext = createContext<I18n | null>(null);
const STORAGE_KEY = 'beian.locale';

function initialLocale(): Locale {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'zh-CN' || saved === 'en-US') return saved;
  } catch {
    // storage blocked: fall back to Chinese, the portal's first language
  }
  return 'zh-CN';
}

/** Language of the app: antd's component texts, dayjs dates and `<html lang>` switch together. */
export function I18nProvider({ children, locale: fixed }: { children: ReactNode; locale?: Locale }) {
  const [locale, setLocaleState] = useState<Locale>(fixed ?? initialLocale);
  useEffect(() => {
    document.documentElement.lang = locale;
    dayjs.locale(locale === 'zh-CN' ? 'zh-cn' : 'en');
  }, [locale]);
  const setLocale = useCallback((l: Locale) => {
    setLocaleState(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      // not persisted; the switch still applies to this tab
    }
  }, []);
  const value = useMemo<I18n>(
    () => ({
      locale,
      setLocale,
      t: (m, params) => pick(m, locale, params),
      ts: (b) => pick(fromServer(b), locale),
    }),
    [locale, setLocale],
  );
  return (
    <I18nContext.Provider value={value}>
      <ConfigProvider
        locale={locale === 'zh-CN' ? zhCN : enUS}
        theme={theme}
        // antd would render 登录 as "登 录": screen readers and tests need the word as written.
        button={{ autoInsertSpace: false }}
      >
        {children}
      </ConfigProvider>
    </I18nContext.Provider>
  );
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}
