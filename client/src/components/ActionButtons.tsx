import type { ReactNode } from 'react';
import { Button } from 'antd';

interface Props<A extends string> {
  /** The actions the API allows this user now (allowedActions, in the client's order): one button each, nothing else. */
  actions: readonly A[];
  label: (a: A) => string;
  danger: (a: A) => boolean;
  /** Each button's test id is this followed by the action's name. */
  testIdPrefix: string;
  onAction: (a: A) => void;
  icon?: (a: A) => ReactNode;
  size?: 'large' | 'middle';
  /** The action being sent: its button spins and the others wait. */
  pending?: A;
}

/** The buttons of a record's state changes; the first one is the usual next step (primary) unless it is a danger. */
export function ActionButtons<A extends string>({ actions, label, danger, testIdPrefix, onAction, icon, size, pending }: Props<A>) {
  return (
    <>
      {actions.map((a, i) => (
        <Button
          key={a}
          size={size}
          type={i === 0 && !danger(a) ? 'primary' : 'default'}
          danger={danger(a)}
          icon={icon?.(a)}
          loading={pending === a}
          disabled={pending !== undefined && pending !== a}
          onClick={() => onAction(a)}
          data-testid={`${testIdPrefix}${a}`}
        >
          {label(a)}
        </Button>
      ))}
    </>
  );
}
