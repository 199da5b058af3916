import type { ReactNode } from 'react';
import { Card, Col, Row } from 'antd';
import type { ApplicationListItem } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { LoadMore } from '../../components/LoadMore';
import { useCurrentUser } from '../../lib/auth/useAuth';
import { useMyWindow } from '../../lib/myWindow';
import { applicationsApi, applicationsKeys } from './api';
import { ApplicationsTable } from './ApplicationsTable';
import { CurrentApplication } from './CurrentApplication';
import { useApplicationChanged } from './hooks';
import { RegisterForm } from './RegisterForm';
import './applications.css';

const KEYS = ['open'] as const;

interface Props {
  title: string;
  /** Between the title and the desk. */
  top?: ReactNode;
  registerTitle: string;
  /** A village agent's desk: registers for villagers (channel 村代办点). */
  agent?: boolean;
  recentTitle: string;
  compact?: boolean;
  tableTestId: string;
}

/**
 * The desk of those who register and handle applications: the register form (at a window, for the ticket the clerk's
 * window has called), the application being handled right beside it (?open=<id>) with one button per possible step, and
 * below the recent ones, which open there too.
 */
export function HandlingDesk({ title, top, registerTitle, agent = false, recentTitle, compact = false, tableTestId }: Props) {
  const me = useCurrentUser();
  const [params, setParams] = useSearchFilters(KEYS);
  const changed = useApplicationChanged();
  const mine = useMyWindow(!agent);
  const current = params.open ?? null;
  const list = useCursorList<ApplicationListItem>(applicationsKeys.list({}), (cursor, signal) =>
    applicationsApi.list({ cursor, limit: 20 }, signal),
  );

  return (
    <>
      <PageHeader title={title} subtitle={me.regionName} />
      {top}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={11}>
          <Card title={registerTitle}>
            <RegisterForm
              agent={agent}
              clerkWindow={agent ? null : mine.data}
              onRegistered={(a, etag) => {
                changed(a, etag);
                setParams({ open: a.id });
              }}
            />
          </Card>
        </Col>
        <Col xs={24} xl={13}>
          <CurrentApplication id={current} onClose={() => setParams({ open: undefined })} />
        </Col>
      </Row>
      <Card title={recentTitle} style={{ marginTop: 16 }}>
        {list.error ? <ProblemAlert error={list.error} style={{ marginBottom: 16 }} /> : null}
        <ApplicationsTable
          items={list.items}
          loading={list.isLoading}
          onOpen={(id) => {
            setParams({ open: id });
            window.scrollTo({ top: 0, behavior: 'smooth' });
          }}
          compact={compact}
          testId={tableTestId}
        />
        <LoadMore count={list.items.length} hasMore={list.hasMore} loading={list.isFetchingMore} onLoadMore={list.loadMore} />
      </Card>
    </>
  );
}
