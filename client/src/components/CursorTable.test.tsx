import { beforeEach, describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../lib/i18n';
import { setLanguage } from '../lib/i18n';
import { ApiProblem } from '../lib/api/client';
import type { CursorList } from '../lib/useCursorList';
import { renderWithProviders } from '../test/render';
import { CursorTable } from './CursorTable';

interface Row {
  id: string;
  name: string;
}

function list(overrides: Partial<CursorList<Row>> = {}): CursorList<Row> {
  return {
    items: [
      { id: '1', name: '甲' },
      { id: '2', name: '乙' },
    ],
    isLoading: false,
    isFetchingMore: false,
    hasMore: false,
    loadMore: () => undefined,
    error: null,
    refetch: () => undefined,
    ...overrides,
  };
}

const render = (l: CursorList<Row>) =>
  renderWithProviders(
    <CursorTable<Row> list={l} data-testid="rows" rowKey="id" columns={[{ title: '名称', dataIndex: 'name', key: 'name' }]} />,
  );

describe('CursorTable', () => {
  beforeEach(async () => {
    await setLanguage('zh-CN');
  });

  it('shows the loaded rows without pages, and 加载更多 while there are more', async () => {
    const loadMore = vi.fn();
    render(list({ hasMore: true, loadMore }));
    expect(screen.getByTestId('rows')).toHaveTextContent('甲');
    expect(screen.getByTestId('rows')).toHaveTextContent('乙');
    expect(screen.getByTestId('rows').querySelector('.ant-pagination')).toBeNull();
    expect(screen.getByTestId('loaded-count')).toHaveTextContent('2');
    await userEvent.setup().click(screen.getByTestId('load-more'));
    expect(loadMore).toHaveBeenCalled();
    expect(screen.queryByTestId('problem-alert')).toBeNull();
  });

  it('shows a failed load above the table', () => {
    render(list({ items: [], error: new ApiProblem(500, { title: '服务器错误', status: 500, detail: '服务暂不可用' }) }));
    expect(screen.getByTestId('problem-alert')).toHaveTextContent('服务暂不可用');
    expect(screen.queryByTestId('load-more')).toBeNull();
  });
});
