import type { ReactNode } from 'react';
import { Empty, Flex, Timeline, Typography } from 'antd';
import type { WorkflowEvent } from '../lib/api/types';
import { formatDateTime } from '../lib/format';

interface Props {
  events: readonly WorkflowEvent[];
  /** Prefix of the test ids: `${testId}-timeline`, `${testId}-event`, `${testId}-event-note`, `${testId}-event-actor`. */
  testId: string;
  /** The step's name in the users' words (登记, 受理, 审核通过…). */
  action: (e: WorkflowEvent) => string;
  /** What follows the step's name: the state it moved to, as the page's state tag. */
  state?: (e: WorkflowEvent) => ReactNode;
  /** The dot's colour, e.g. the colour of the state moved to; grey when none. */
  color?: (e: WorkflowEvent) => string | undefined;
  /** The note as shown, when a page translates coded notes; the note itself otherwise. */
  note?: (e: WorkflowEvent) => ReactNode;
  empty?: string;
}

/**
 * A record's 办理过程 (the API's workflow events, oldest first): one line a step — its name, the state it moved to, the
 * note, who and when. Every workflow page shows its timeline through this, so they read the same way.
 */
export function WorkflowTimeline({ events, testId, action, state, color, note, empty }: Props) {
  if (events.length === 0) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} />;
  return (
    <Timeline
      data-testid={`${testId}-timeline`}
      items={events.map((e, i) => {
        const shown = note ? note(e) : e.note;
        return {
          key: i,
          color: color?.(e) ?? 'gray',
          content: (
            <div data-testid={`${testId}-event`} data-action={e.action} data-to-state={e.toState}>
              <Flex gap={6} align="center" wrap>
                <Typography.Text strong>{action(e)}</Typography.Text>
                {state?.(e)}
              </Flex>
              {shown ? <div data-testid={`${testId}-event-note`}>{shown}</div> : null}
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                <span data-testid={`${testId}-event-actor`}>{e.actor}</span> · {formatDateTime(e.at)}
              </Typography.Text>
            </div>
          ),
        };
      })}
    />
  );
}
