import { describe, expect, it } from 'vitest';
import { screen, within } from '@testing-library/react';
import type { WorkflowEvent } from '../lib/api/types';
import { renderWithProviders } from '../test/render';
import { WorkflowTimeline } from './WorkflowTimeline';

const events: WorkflowEvent[] = [
  { at: '2026-03-02T01:00:00Z', actor: '张窗口', action: 'register', fromState: null, toState: 'received', note: null },
  { at: '2026-03-03T02:30:00Z', actor: '李科长', action: 'decide', fromState: 'received', toState: 'closed', note: 'upheld' },
];

describe('WorkflowTimeline', () => {
  it('shows each step oldest first: its name, the state it moved to, the note as the page words it, who', () => {
    renderWithProviders(
      <WorkflowTimeline
        events={events}
        testId="case"
        action={(e) => (e.action === 'register' ? '登记' : '决定')}
        state={(e) => <span data-testid="state">{e.toState}</span>}
        note={(e) => (e.note === 'upheld' ? '维持' : e.note)}
      />,
    );
    const lines = within(screen.getByTestId('case-timeline')).getAllByTestId('case-event');
    expect(lines.map((l) => l.dataset.action)).toEqual(['register', 'decide']);
    expect(lines[0]).toHaveTextContent('登记');
    expect(lines[0]).toHaveTextContent('received');
    expect(within(lines[0]!).queryByTestId('case-event-note')).toBeNull();
    expect(within(lines[1]!).getByTestId('case-event-note')).toHaveTextContent('维持');
    expect(within(lines[1]!).getByTestId('case-event-actor')).toHaveTextContent('李科长');
  });

  it('says so when nothing has happened yet', () => {
    renderWithProviders(<WorkflowTimeline events={[]} testId="case" action={(e) => e.action} empty="暂无记录" />);
    expect(screen.queryByTestId('case-timeline')).toBeNull();
    expect(screen.getByText('暂无记录')).toBeInTheDocument();
  });
});
