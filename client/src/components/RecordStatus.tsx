import { Card, Skeleton } from 'antd';
import { isApiProblem } from '../lib/api/client';
import { NotFound } from './NotFound';
import { ProblemAlert } from './ProblemAlert';

/**
 * What a record's page shows until its record is there: a skeleton while it loads (no error yet); "not found or no
 * access" for a 404 (missing or outside the caller's scope) or a 400 (a malformed id: the same answer here); any
 * other problem as an alert.
 */
export function RecordStatus({ error }: { error: unknown }) {
  if (!error) {
    return (
      <Card>
        <Skeleton active />
      </Card>
    );
  }
  if (isApiProblem(error) && (error.status === 404 || error.status === 400)) {
    return (
      <Card>
        <NotFound />
      </Card>
    );
  }
  return <ProblemAlert error={error} />;
}
