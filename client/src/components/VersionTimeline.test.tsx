import { describe, expect, it } from 'vitest';
import { screen } from '@testing-library/react';
import { renderWithProviders } from '../test/render';
import { VersionTimeline } from './VersionTimeline';

type State = 'current' | 'old';

describe('VersionTimeline', () => {
  it('lists the versions newest first, each with the entry its caller draws', () => {
    const versions = [{ version: 1 }, { version: 2 }, { version: 3 }];
    const { container } = renderWithProviders(
      <VersionTimeline<{ version: number }, State>
        versions={versions}
        stateOf={(v) => (v.version === 3 ? 'current' : 'old')}
        colors={{ current: 'green', old: 'default' }}
      >
        {(v, state) => <span data-testid="entry" data-state={state}>{`v${v.version}`}</span>}
      </VersionTimeline>,
    );
    expect(screen.getByTestId('version-timeline')).toBeInTheDocument();
    expect(screen.getAllByTestId('entry').map((e) => [e.textContent, e.dataset.state])).toEqual([
      ['v3', 'current'],
      ['v2', 'old'],
      ['v1', 'old'],
    ]);
    // the versions keep their order: the input is not reversed in place
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3]);
    // each dot in its state's colour; a Tag's 'default' is grey on the timeline
    const dots = [...container.querySelectorAll('.ant-timeline-item')].map((li) =>
      ['green', 'gray', 'default'].find((c) => li.classList.contains(`ant-timeline-item-color-${c}`)),
    );
    expect(dots).toEqual(['green', 'gray', 'gray']);
  });
});
