import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import '../../lib/i18n';
import type { EnforcementCase } from '../../lib/api/types';
import { renderRoutes } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { CaseDetailPage } from './CaseDetailPage';
import { evidence, filedCase, HASH_A } from './caseTestData';

type FetchArgs = [RequestInfo | URL, RequestInit | undefined];

const preservation = (overrides: Partial<NonNullable<EnforcementCase['evidence'][number]['preservation']>> = {}) => ({
  dueOn: '2026-12-09',
  overdue: false,
  decidedOn: null,
  outcome: null,
  outcomeName: null,
  note: null,
  ...overrides,
});

describe('a case’s evidence', () => {
  let current: EnforcementCase = filedCase();
  const fetchMock = vi.fn(async (...[input]: FetchArgs) => {
    const path = new URL(String(input), 'http://localhost').pathname;
    if (path === '/api/v1/enforcement/cases/case-1') return json(200, current, { ETag: `"v${current.version}"` });
    return json(404, { title: '未找到', status: 404 });
  });
  fetchMockInEachTest(fetchMock);

  const renderPage = () =>
    renderRoutes([{ path: '/enforcement/cases/:id', element: <CaseDetailPage /> }], '/enforcement/cases/case-1');

  it('lists the items in order with their file, size, hash, corrections and 先行登记保存', async () => {
    current = filedCase({
      evidence: [
        evidence(3, {
          id: 'ev-3',
          kind: 'preservation',
          kindName: '先行登记保存',
          title: '登记保存货物清单',
          preservation: preservation({ overdue: true }),
        }),
        evidence(1, { correctedById: 'ev-2' }),
        evidence(2, {
          kind: 'photo',
          title: '现场照片（更正）',
          fileName: 'photo.jpg',
          contentType: 'image/jpeg',
          size: 2048,
          correctsId: 'ev-1',
        }),
        evidence(4, {
          kind: 'preservation',
          title: '登记保存车辆',
          preservation: preservation({ decidedOn: '2026-12-05', outcome: 'seized', outcomeName: '依法查封、扣押' }),
        }),
      ],
    });
    renderPage();
    const rows = await screen.findAllByTestId('case-evidence-row');
    expect(rows.map((r) => r.dataset.seq)).toEqual(['1', '2', '3', '4']);
    const [first, second, third, fourth] = rows as [HTMLElement, HTMLElement, HTMLElement, HTMLElement];

    expect(first).toHaveTextContent('现场笔录');
    expect(first).toHaveTextContent('现场检查笔录 1');
    expect(first).toHaveTextContent('application/pdf · 1.5 MB');
    expect(first).toHaveTextContent('2026-12-02');
    expect(first).toHaveTextContent('李执法');
    expect(first.dataset.corrected).toBe('true');
    expect(within(first).getByTestId('case-evidence-corrected-by')).toHaveTextContent('已被第 2 项更正');
    expect(within(first).getByTestId('case-evidence-corrected-by')).toHaveAttribute('href', '#case-evidence-ev-2');
    expect(within(second).getByTestId('case-evidence-corrects')).toHaveTextContent('更正第 1 项');
    expect(within(second).getByTestId('case-evidence-corrects')).toHaveAttribute('href', '#case-evidence-ev-1');
    expect(second).toHaveAttribute('id', 'case-evidence-ev-2');
    expect(second).toHaveTextContent('照片');
    expect(second).toHaveTextContent('image/jpeg · 2 KB');

    const download = within(second).getByTestId('case-evidence-download');
    expect(download).toHaveAttribute('href', '/api/v1/enforcement/cases/case-1/evidence/ev-2/file');
    expect(download).toHaveTextContent('photo.jpg');

    const hash = within(first).getByTestId('case-evidence-hash');
    expect(hash).toHaveTextContent('aaaaaaaa…0123abcd');
    expect(hash).not.toHaveTextContent(HASH_A);
    await userEvent.setup().hover(hash);
    expect(await screen.findByText(HASH_A)).toBeInTheDocument();

    expect(within(third).getByTestId('case-evidence-preservation')).toHaveTextContent(
      '先行登记保存，2026-12-09 前作出处理决定',
    );
    expect(within(third).getByTestId('case-evidence-overdue')).toHaveTextContent('已超期');
    expect(within(fourth).getByTestId('case-evidence-preservation')).toHaveTextContent(
      '2026-12-05 依法查封、扣押',
    );
    expect(within(fourth).queryByTestId('case-evidence-overdue')).not.toBeInTheDocument();
  });

  it('says when there is no evidence yet, and shows 部门移送 and 共同办理 in the header', async () => {
    current = filedCase({
      referredByName: '县市场监督管理局',
      coOwners: [
        { unitId: 'u-1', name: '县自然资源局', addedOn: '2026-12-03', addedBy: '张科长' },
        { unitId: 'u-2', name: '县生态环境分局', addedOn: '2026-12-04', addedBy: '张科长' },
      ],
    });
    renderPage();
    expect(await screen.findByTestId('case-section-evidence-empty')).toHaveTextContent('尚未进行');
    expect(screen.getByTestId('case-referred-by')).toHaveTextContent('部门移送：县市场监督管理局');
    expect(screen.getByTestId('case-co-owners')).toHaveTextContent('共同办理：县自然资源局、县生态环境分局');
  });

  it('shows neither when the case has none', async () => {
    current = filedCase();
    renderPage();
    await screen.findByTestId('case-title');
    expect(screen.queryByTestId('case-referred-by')).not.toBeInTheDocument();
    expect(screen.queryByTestId('case-co-owners')).not.toBeInTheDocument();
  });
});
