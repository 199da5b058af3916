import { Badge, Card, List, Skeleton, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { todoApi, todoKey } from './api';

/** The lines the server counts (TodoCount.code, dots as underscores): an unknown one shows its code. */
type TodoKey =
  | 'applications_overdue'
  | 'applications_due_soon'
  | 'rectifications_waiting'
  | 'rectifications_appealed'
  | 'admissions_to_review'
  | 'admissions_to_decide'
  | 'admissions_returned'
  | 'agreements_expiring'
  | 'certificates_expiring'
  | 'cases_due'
  | 'post_requests_to_approve';

/**
 * 待办: what waits for the signed-in user in each module — counts from the server (each module counts, in the user's
 * scope, only the work the user's permissions act on), the urgent ones in red, each line opening its filtered list.
 */
export function TodoCard() {
  const { t } = useTranslation();
  const todo = useQuery({ queryKey: todoKey, queryFn: ({ signal }) => todoApi.get(signal) });
  const waiting = (todo.data?.items ?? []).filter((i) => i.count > 0);

  return (
    <Card title={t('todo.title')} data-testid="dashboard-todo">
      {todo.isPending ? (
        <Skeleton active paragraph={{ rows: 2 }} />
      ) : todo.isError ? (
        <ProblemAlert error={todo.error} testId="todo-error" />
      ) : waiting.length === 0 ? (
        <Typography.Text type="secondary">{t('todo.none')}</Typography.Text>
      ) : (
        <List
          size="small"
          dataSource={waiting}
          renderItem={(item) => (
            <List.Item data-testid={`todo-${item.code}`}>
              <Link to={item.link}>
                {t(`todo.codes.${item.code.replace('.', '_') as TodoKey}`, { defaultValue: item.code })}
              </Link>
              <span>
                {item.urgent > 0 && <Tag color="red">{t('todo.urgent', { count: item.urgent })}</Tag>}
                <Badge count={item.count} overflowCount={9999} color={item.urgent > 0 ? 'red' : 'blue'} showZero />
              </span>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
