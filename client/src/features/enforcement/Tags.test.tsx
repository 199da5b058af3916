import { describe, expect, it, vi } from 'vitest';
import { screen } from '@testing-library/react';
import '../../lib/i18n';
import type { Officer } from '../../lib/api/types';
import { renderWithProviders } from '../../test/render';
import { fetchMockInEachTest } from '../../test/fetch';
import { validityOf } from './model';
import { OfficerStatusTag, ValidUntil } from './Tags';

const certificate = {
  id: 'c1',
  number: 'ZF-001',
  issuingBody: '清河县人民政府',
  validFrom: '2024-01-01',
  validUntil: '2027-01-30',
};

function officer(o: Partial<Pick<Officer, 'status' | 'daysLeft' | 'certificate'>>) {
  return { status: 'certified' as const, daysLeft: 400, certificate, ...o };
}

describe('an officer’s standing', () => {
  fetchMockInEachTest(vi.fn());

  it('tags each status in its colour: 持证在岗 green, 即将到期 orange, 无有效执法证 red, 已调离 grey', () => {
    renderWithProviders(
      <>
        <OfficerStatusTag status="certified" />
        <OfficerStatusTag status="expiring" />
        <OfficerStatusTag status="expired" />
        <OfficerStatusTag status="left" />
      </>,
    );
    const tags = screen.getAllByTestId('officer-status');
    expect(tags.map((t) => t.textContent)).toEqual(['持证在岗', '即将到期', '无有效执法证', '已调离']);
    expect(tags[0]).toHaveClass('ant-tag-green');
    expect(tags[1]).toHaveClass('ant-tag-orange');
    expect(tags[2]).toHaveClass('ant-tag-red');
    expect(tags[3]!.className).not.toMatch(/ant-tag-(green|orange|red)/);
  });

  it('counts the days a certificate has left, its last day, and the days since it ended', () => {
    expect(validityOf(officer({ status: 'expiring', daysLeft: 30 }))).toEqual({ kind: 'remaining', days: 30 });
    expect(validityOf(officer({ status: 'expiring', daysLeft: 0 }))).toEqual({ kind: 'lastDay' });
    expect(validityOf(officer({ status: 'expired', daysLeft: -3 }))).toEqual({ kind: 'overdue', days: 3 });
    // nothing to count for an officer who left, or one without a certificate in force
    expect(validityOf(officer({ status: 'left', daysLeft: 12 }))).toEqual({ kind: 'none' });
    expect(validityOf(officer({ status: 'expired', daysLeft: null, certificate: null }))).toEqual({ kind: 'none' });
  });

  it('shows the date with the days left, in orange while expiring and red once expired', () => {
    const { unmount } = renderWithProviders(<ValidUntil officer={officer({ status: 'expiring', daysLeft: 30 })} />);
    expect(screen.getByTestId('officer-valid-until')).toHaveTextContent('2027-01-30');
    expect(screen.getByTestId('officer-days-left')).toHaveTextContent('剩 30 天');
    expect(screen.getByTestId('officer-days-left')).toHaveClass('ant-typography-warning');
    unmount();

    renderWithProviders(<ValidUntil officer={officer({ status: 'expired', daysLeft: -2 })} />);
    expect(screen.getByTestId('officer-days-left')).toHaveTextContent('已过期 2 天');
    expect(screen.getByTestId('officer-days-left')).toHaveClass('ant-typography-danger');
  });

  it('shows only the date for an officer who left, and a dash without a certificate', () => {
    const { unmount } = renderWithProviders(<ValidUntil officer={officer({ status: 'left', daysLeft: 100 })} />);
    expect(screen.getByTestId('officer-valid-until')).toHaveTextContent('2027-01-30');
    expect(screen.queryByTestId('officer-days-left')).not.toBeInTheDocument();
    unmount();
    renderWithProviders(<ValidUntil officer={officer({ status: 'expired', daysLeft: null, certificate: null })} />);
    expect(screen.queryByTestId('officer-valid-until')).not.toBeInTheDocument();
    expect(screen.getByText('—')).toBeInTheDocument();
  });
});
