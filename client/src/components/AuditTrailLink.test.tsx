import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import '../lib/i18n';
import type { Me, Permission } from '../lib/api/types';
import { renderWithProviders } from '../test/render';
import { CurrentUserContext } from '../lib/auth/useAuth';
import { AuditTrailLink } from './AuditTrailLink';

const user = (permissions: Permission[]): Me => ({
  id: 'u-1',
  username: 'bianban',
  displayName: '编办',
  role: 'county_staff',
  roleName: '县直部门',
  regionId: 'r-county',
  regionName: '清河县',
  regionLevel: 'county',
  unitId: null,
  unitName: null,
  permissions,
});

const render = (me: Me) =>
  renderWithProviders(
    <MemoryRouter>
      <CurrentUserContext.Provider value={me}>
        <span data-testid="holder">
          <AuditTrailLink recordType="power_item" recordId="a/b" />
        </span>
      </CurrentUserContext.Provider>
    </MemoryRouter>,
  );

describe('AuditTrailLink', () => {
  it('links to the audit log of the record for those who may read it', () => {
    render(user(['audit.read']));
    expect(screen.getByRole('link')).toHaveAttribute('href', '/audit?recordType=power_item&recordId=a%2Fb');
    expect(screen.getByRole('link')).toHaveTextContent('审计记录');
  });

  it('shows nothing to the others', () => {
    render(user([]));
    expect(screen.getByTestId('holder')).toBeEmptyDOMElement();
  });
});
