import { describe, expect, it, vi } from 'vitest';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderWithProviders } from '../test/render';
import { ActionButtons } from './ActionButtons';

type Act = 'approve' | 'forward' | 'reject';
const LABELS: Record<Act, string> = { approve: '批准', forward: '转报', reject: '不予批准' };

function renderButtons(actions: Act[], props: { pending?: Act } = {}) {
  const onAction = vi.fn();
  renderWithProviders(
    <span data-testid="buttons">
      <ActionButtons<Act>
        actions={actions}
        label={(a) => LABELS[a]}
        danger={(a) => a === 'reject'}
        testIdPrefix="x-action-"
        onAction={onAction}
        {...props}
      />
    </span>,
  );
  return { onAction };
}

describe('ActionButtons', () => {
  it('shows one button per action, the first one primary unless it is a danger', async () => {
    const { onAction } = renderButtons(['approve', 'reject']);
    const buttons = within(screen.getByTestId('buttons')).getAllByRole('button');
    expect(buttons.map((b) => b.getAttribute('data-testid'))).toEqual(['x-action-approve', 'x-action-reject']);
    expect(screen.getByTestId('x-action-approve')).toHaveClass('ant-btn-primary');
    expect(screen.getByTestId('x-action-reject')).toHaveClass('ant-btn-dangerous');
    expect(screen.getByTestId('x-action-reject')).toHaveTextContent('不予批准');
    await userEvent.setup().click(screen.getByTestId('x-action-reject'));
    expect(onAction).toHaveBeenCalledWith('reject');
  });

  it('does not make a first action that is a danger primary', () => {
    renderButtons(['reject']);
    expect(screen.getByTestId('x-action-reject')).not.toHaveClass('ant-btn-primary');
  });

  it('spins the action being sent and holds the others', () => {
    renderButtons(['approve', 'forward'], { pending: 'forward' });
    expect(screen.getByTestId('x-action-forward')).toHaveClass('ant-btn-loading');
    expect(screen.getByTestId('x-action-approve')).toBeDisabled();
  });

  it('renders nothing without actions', () => {
    renderButtons([]);
    expect(within(screen.getByTestId('buttons')).queryAllByRole('button')).toEqual([]);
  });
});
