import type { ReactNode } from 'react';
import { Timeline } from 'antd';

interface Props<V extends { version: number }, S extends string> {
  /** Oldest first (as the API lists them); shown newest first. */
  versions: readonly V[];
  stateOf: (v: V) => S;
  /** The Tag colour of each state; a Tag's 'default' is drawn grey on the timeline. */
  colors: Record<S, string>;
  /** The entry of one version. */
  children: (v: V, state: S) => ReactNode;
}

/** 历史版本: a versioned record's versions, newest first, each dot coloured by the version's state. */
export function VersionTimeline<V extends { version: number }, S extends string>({ versions, stateOf, colors, children }: Props<V, S>) {
  return (
    <Timeline
      data-testid="version-timeline"
      items={[...versions].reverse().map((v) => {
        const state = stateOf(v);
        return { key: v.version, color: colors[state] === 'default' ? 'gray' : colors[state], content: children(v, state) };
      })}
    />
  );
}
