import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import '../../lib/i18n';
import { renderWithProviders } from '../../test/render';
import { json, fetchMockInEachTest } from '../../test/fetch';
import { application } from '../../test/fixtures';
import { ReceiptPage } from './ReceiptPage';
import { receiptClerk, receiptRateUrl } from './model';

const accepted = application({
  id: '0190f3a2-1b2c-7d3e-8f40-123456789abc',
  number: '2026-0101-000123',
  state: 'accepted',
  windowNumber: 3,
  windowName: '综合窗口',
  materials: [
    { name: '申请人身份证', form: 'both', copies: 1, required: true, status: 'received', receivedForm: 'original' },
    { name: '户口簿', form: 'copy', copies: 2, required: true, status: 'received', receivedForm: 'copy' },
    { name: '银行卡', form: 'copy', copies: 1, required: false, status: 'missing', receivedForm: null },
  ],
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
      at: '2026-09-30T02:05:00+00:00',
      actor: '王受理',
      action: 'accept',
      fromState: 'received',
      toState: 'accepted',
      note: null,
    },
  ],
});

describe('the receipt (受理回执)', { timeout: 30_000 }, () => {
  const fetchMock = vi.fn(async (input: RequestInfo | URL) => {
    const url = String(input);
    if (url.startsWith(`/api/v1/service-centre/applications/${accepted.id}`))
      return json(200, accepted, { ETag: '"v1"' });
    return json(404, { title: '未找到', status: 404 });
  });

  fetchMockInEachTest(fetchMock);

  it('prints the centre, the number, the clerk who accepted it, the window and a QR code to the rating page', async () => {
    renderWithProviders(
      <MemoryRouter initialEntries={[`/services/applications/${accepted.id}/receipt`]}>
        <Routes>
          <Route path="/services/applications/:id/receipt" element={<ReceiptPage />} />
        </Routes>
      </MemoryRouter>,
    );
    expect(await screen.findByTestId('receipt-number')).toHaveTextContent('2026-0101-000123');
    expect(screen.queryByText(accepted.id)).toBeNull();
    expect(screen.getByTestId('receipt-clerk')).toHaveTextContent('王受理');
    expect(screen.getByText('受理人')).toBeInTheDocument();
    expect(screen.getByTestId('receipt-centre')).toHaveTextContent('城关镇便民服务中心');
    expect(screen.getByTestId('receipt-window')).toHaveTextContent('3 号窗口（综合窗口）');
    expect(screen.getByTestId('receipt-materials')).toHaveTextContent(
      /^申请人身份证（原件，1 份）；户口簿（复印件，2 份）$/,
    );
    const svg = screen.getByTestId('receipt-qr').querySelector('svg');
    expect(svg).toHaveAttribute(
      'data-value',
      `${window.location.origin}/public/rate?applicationId=2026-0101-000123&channel=qr`,
    );
    expect(svg).toHaveAttribute('aria-label', '办件 2026-0101-000123 的二维码');
  });

  it('links by number and names the clerk who received it until it is accepted', () => {
    expect(receiptRateUrl('https://x.cn', 'QH 2026/1')).toBe(
      'https://x.cn/public/rate?applicationId=QH+2026%2F1&channel=qr',
    );
    expect(receiptClerk(accepted.events.slice(0, 1))).toEqual({ accepted: false, name: '李窗口' });
    expect(receiptClerk(accepted.events)).toEqual({ accepted: true, name: '王受理' });
    expect(receiptClerk([])).toBeNull();
  });
});
