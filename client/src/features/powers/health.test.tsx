import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import '../../lib/i18n';
import { renderWithProviders } from '../../test/render';
import type { HealthFlag } from '../../lib/api/types';
import { FlagLinks } from './HealthPage';
import { flagLinks, severityColor } from './healthModel';

function flag(overrides: Partial<HealthFlag> = {}): HealthFlag {
  return {
    kind: 'entrusted_without_agreement',
    kindName: '委托事项无有效委托协议',
    severity: 'error',
    townshipId: 'tw-1',
    townshipName: '城关镇',
    itemId: 'item-1',
    itemCode: 'CF00123000',
    itemName: '对占道经营违法行为的行政处罚',
    agreementId: null,
    agreementNo: null,
    message: '…',
    ...overrides,
  };
}

describe('health flag → links', () => {
  it('links the item and the township list as of the checked date', () => {
    expect(flagLinks(flag(), '2026-11-22')).toEqual([
      { kind: 'item', to: '/power-lists/items/item-1?asOf=2026-11-22', label: 'CF00123000 对占道经营违法行为的行政处罚' },
      { kind: 'township', to: '/power-lists/townships/tw-1?asOf=2026-11-22', label: '城关镇' },
    ]);
  });

  it('links the agreement when the flag names one, and leaves out what it does not name', () => {
    const links = flagLinks(
      flag({ kind: 'agreement_expiring', itemId: null, itemCode: null, itemName: null, agreementId: 'ag-1', agreementNo: '清河委〔2026〕1号' }),
      '2026-11-22',
    );
    expect(links.map((l) => l.kind)).toEqual(['township', 'agreement']);
    expect(links[1]).toEqual({ kind: 'agreement', to: '/power-lists/agreements/ag-1', label: '清河委〔2026〕1号' });
    expect(flagLinks(flag({ townshipId: null, itemId: null }), '2026-11-22')).toEqual([]);
  });

  it('colours errors red and warnings orange', () => {
    expect(severityColor('error').tag).toBe('red');
    expect(severityColor('warning').tag).toBe('orange');
  });

  it('renders the links', () => {
    renderWithProviders(
      <MemoryRouter>
        <FlagLinks flag={flag({ agreementId: 'ag-1', agreementNo: 'X1' })} asOf="2026-12-01" />
      </MemoryRouter>,
    );
    expect(screen.getByTestId('flag-link-item')).toHaveAttribute('href', '/power-lists/items/item-1?asOf=2026-12-01');
    expect(screen.getByTestId('flag-link-township')).toHaveAttribute('href', '/power-lists/townships/tw-1?asOf=2026-12-01');
    expect(screen.getByTestId('flag-link-agreement')).toHaveTextContent('X1');
  });
});
