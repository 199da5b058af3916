import { beforeEach, describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import '../lib/i18n';
import { setLanguage } from '../lib/i18n';
import { ApiProblem } from '../lib/api/client';
import { renderWithProviders } from '../test/render';
import { RecordStatus } from './RecordStatus';

const render = (error: unknown) =>
  renderWithProviders(
    <MemoryRouter>
      <RecordStatus error={error} />
    </MemoryRouter>,
  );

describe('RecordStatus', () => {
  beforeEach(async () => {
    await setLanguage('zh-CN');
  });

  it('shows a skeleton while the record loads', () => {
    const { container } = render(null);
    expect(container.querySelector('.ant-skeleton')).not.toBeNull();
    expect(screen.queryByTestId('not-found')).toBeNull();
  });

  it('answers a 404 and a malformed id (400) alike: not found or no access', () => {
    const { unmount } = render(new ApiProblem(404, { title: '未找到', status: 404 }));
    expect(screen.getByTestId('not-found')).toBeInTheDocument();
    unmount();
    render(new ApiProblem(400, { title: '请求无效', status: 400 }));
    expect(screen.getByTestId('not-found')).toBeInTheDocument();
  });

  it('shows any other problem as it is', () => {
    render(new ApiProblem(500, { title: '服务器错误', status: 500, detail: '服务暂不可用' }));
    expect(screen.getByTestId('problem-alert')).toHaveTextContent('服务暂不可用');
    expect(screen.queryByTestId('not-found')).toBeNull();
  });
});
