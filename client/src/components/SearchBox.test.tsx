import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../lib/i18n';
import { setLanguage } from '../lib/i18n';
import { AppProviders } from '../app/providers';
import { renderWithProviders } from '../test/render';
import { SearchBox } from './SearchBox';

const input = () => screen.getByTestId('search').querySelector('input')!;

describe('SearchBox', () => {
  beforeEach(async () => {
    await setLanguage('zh-CN');
  });

  it('searches for the trimmed text on Enter, not while typing', async () => {
    const onSearch = vi.fn();
    renderWithProviders(<SearchBox value={undefined} onSearch={onSearch} placeholder="名称" testId="search" />);
    const user = userEvent.setup();
    await user.type(input(), '  城关 ');
    expect(onSearch).not.toHaveBeenCalled();
    await user.keyboard('{Enter}');
    expect(onSearch).toHaveBeenCalledWith('城关');
    expect(screen.getByTestId('search')).toHaveTextContent('查询');
  });

  it('shows a value set from outside (a link, a reset)', () => {
    const { rerender } = renderWithProviders(<SearchBox value="甲" onSearch={() => undefined} placeholder="名称" testId="search" />);
    expect(input()).toHaveValue('甲');
    rerender(
      <AppProviders>
        <SearchBox value={undefined} onSearch={() => undefined} placeholder="名称" testId="search" />
      </AppProviders>,
    );
    expect(input()).toHaveValue('');
  });
});
