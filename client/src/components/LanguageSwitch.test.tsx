import { beforeEach, describe, expect, it } from 'vitest';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useTranslation } from 'react-i18next';
import { DatePicker } from 'antd';
import i18n, { LANGUAGE_STORAGE_KEY, setLanguage, storedLanguage } from '../lib/i18n';
import { renderWithProviders } from '../test/render';
import { LanguageSwitch } from './LanguageSwitch';

function Probe() {
  const { t } = useTranslation();
  return (
    <>
      <span data-testid="probe">{t('nav.home')}</span>
      <DatePicker data-testid="picker" open={false} />
    </>
  );
}

describe('language switch', () => {
  beforeEach(async () => {
    await setLanguage('zh-CN');
    window.localStorage.clear();
  });

  it('defaults to Chinese when nothing (or garbage) is stored', () => {
    expect(storedLanguage()).toBe('zh-CN');
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'fr');
    expect(storedLanguage()).toBe('zh-CN');
    window.localStorage.setItem(LANGUAGE_STORAGE_KEY, 'en');
    expect(storedLanguage()).toBe('en');
  });

  it('switches the UI and antd to English and remembers it in localStorage', async () => {
    renderWithProviders(
      <>
        <LanguageSwitch />
        <Probe />
      </>,
    );
    expect(screen.getByTestId('probe')).toHaveTextContent('首页');
    // antd's zh_CN locale: the date picker placeholder is Chinese
    expect(screen.getByPlaceholderText('请选择日期')).toBeInTheDocument();

    await userEvent.setup().click(screen.getByText('English'));

    await waitFor(() => expect(screen.getByTestId('probe')).toHaveTextContent('Home'));
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(i18n.language).toBe('en');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByPlaceholderText('Select date')).toBeInTheDocument();

    await userEvent.setup().click(screen.getByText('中文'));
    await waitFor(() => expect(screen.getByTestId('probe')).toHaveTextContent('首页'));
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('zh-CN');
  });
});
