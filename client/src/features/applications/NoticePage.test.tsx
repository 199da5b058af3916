import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import '../../lib/i18n';
import { renderWithProviders } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { application } from '../../test/fixtures';
import type { Application } from '../../lib/api/types';
import { NoticePage } from './NoticePage';

const materials: Application['materials'] = [
  { name: '申请人身份证', form: 'both', copies: 1, required: true, status: 'received', receivedForm: 'original' },
  { name: '户口簿', form: 'copy', copies: 2, required: true, status: 'requested', receivedForm: null },
  { name: '银行卡', form: 'copy', copies: 1, required: false, status: 'missing', receivedForm: null },
];

const suspended = application({
  number: '2026-0101-000123',
  state: 'suspended',
  suspendedOn: '2026-10-08',
  promisedDays: 3,
  materials,
  events: [
    {
      at: '2026-09-30T02:00:00+00:00',
      actor: '李窗口',
      action: 'register',
      fromState: null,
      toState: 'received',
      note: null,
    },
    {
      at: '2026-10-08T02:00:00+00:00',
      actor: '李窗口',
      action: 'suspend',
      fromState: 'accepted',
      toState: 'suspended',
      note: '复印件须清晰',
    },
  ],
});

describe('the printable notices', { timeout: 30_000 }, () => {
  let shown: Application = suspended;
  const fetchMock = vi.fn(async (input: RequestInfo | URL) =>
    String(input).startsWith(`/api/v1/service-centre/applications/${shown.id}`)
      ? json(200, shown, { ETag: '"v1"' })
      : json(404, { title: '未找到', status: 404 }),
  );
  fetchMockInEachTest(fetchMock);

  async function open(kind: string, a: Application = suspended) {
    shown = a;
    renderWithProviders(
      <MemoryRouter initialEntries={[`/services/applications/${a.id}/notices/${kind}`]}>
        <Routes>
          <Route path="/services/applications/:id/notices/:kind" element={<NoticePage />} />
        </Routes>
      </MemoryRouter>,
    );
    return screen.findByTestId('notice');
  }

  const rows = () =>
    screen.getAllByTestId('notice-material').map((r) =>
      within(r)
        .getAllByRole('cell')
        .map((c) => c.textContent),
    );

  it('一次性告知书 lists every material the item needs and which are still missing', async () => {
    await open('notice');
    expect(screen.getByTestId('notice-title')).toHaveTextContent('一次性告知书');
    expect(rows()).toEqual([
      ['申请人身份证', '原件和复印件', '1', '必要', '已收'],
      ['户口簿', '复印件', '2', '必要', '待补正'],
      ['银行卡', '复印件', '1', '非必要', '缺少'],
    ]);
  });

  it('补正通知书 lists the materials ticked at 补正, the note, the date and the pause rule', async () => {
    await open('rectification');
    expect(screen.getByTestId('notice-title')).toHaveTextContent('补正通知书');
    expect(rows()).toEqual([['户口簿', '复印件', '2', '必要']]);
    expect(screen.getByTestId('notice-note')).toHaveTextContent('复印件须清晰');
    expect(screen.getByTestId('notice-date')).toHaveTextContent('2026年10月8日');
    expect(screen.getByTestId('notice-rule')).toHaveTextContent('暂停计算办理时限');
  });

  it('收件清单 lists the materials received, original or copy, and copies', async () => {
    await open('checklist');
    expect(screen.getByTestId('notice-title')).toHaveTextContent('收件清单');
    expect(rows()).toEqual([['申请人身份证', '原件', '1', '必要']]);
  });

  it('says when the application has no checklist', async () => {
    await open('notice', { ...suspended, materials: [] });
    expect(screen.getByTestId('notice-empty')).toHaveTextContent('未记录收件清单');
  });
});
