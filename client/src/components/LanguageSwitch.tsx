import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { isLanguage, setLanguage, type Language } from '../lib/i18n';

/** 中文 / English; the choice is stored in localStorage and also switches antd's locale. */
export function LanguageSwitch({ size = 'middle' }: { size?: 'small' | 'middle' | 'large' }) {
  const { t, i18n } = useTranslation();
  const value: Language = isLanguage(i18n.language) ? i18n.language : 'zh-CN';
  return (
    <Segmented<Language>
      data-testid="lang-switch"
      aria-label={t('app.language')}
      size={size}
      value={value}
      onChange={(lng) => void setLanguage(lng)}
      options={[
        { label: <span data-testid="lang-zh">{t('lang.zh')}</span>, value: 'zh-CN' },
        { label: <span data-testid="lang-en">{t('lang.en')}</span>, value: 'en' },
      ]}
    />
  );
}
