import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Select, Space, Tag, Tooltip, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { EnforcementSurvey } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { useCurrentUser } from '../../lib/auth/useAuth';
import { CursorTable } from '../../components/CursorTable';
import { DateRangeFilter } from '../../components/DateRangeFilter';
import { PageHeader } from '../../components/PageHeader';
import { useTeams } from './hooks';
import { enforcementKpiKeys } from './kpiApi';
import { surveyApi, surveyKeys } from './surveyApi';
import {
  formatRate,
  mayCorrect,
  mayRecordSurveys,
  surveyFilterFromQuery,
  surveyTags,
  SURVEY_FILTER_KEYS,
} from './surveyModel';
import { SurveyModal } from './SurveyModal';

/** The form open: a new survey, or a 更正 of one record. */
type Editing = { corrects: EnforcementSurvey | undefined };

function SurveyTags({ s }: { s: EnforcementSurvey }) {
  const { t } = useTranslation();
  const tags = surveyTags(s);
  if (tags.length === 0) return <Typography.Text type="secondary">—</Typography.Text>;
  return (
    <Space size={4} wrap>
      {tags.map((tag) =>
        tag === 'corrected' ? (
          <Tooltip key={tag} title={t('enforcementSurveys.correctedHint')}>
            <Tag color="default" data-testid="survey-row-corrected">
              {t('enforcementSurveys.corrected')}
            </Tag>
          </Tooltip>
        ) : (
          <Tooltip key={tag} title={t('enforcementSurveys.correctionHint')}>
            <Tag color="blue" data-testid="survey-row-correction">
              {t('enforcementSurveys.correction')}
            </Tag>
          </Tooltip>
        ),
      )}
    </Space>
  );
}

/**
 * 执法满意度调查: the surveys of the township teams in scope, newest first, by team and dates; 登记调查 and 更正 (a new
 * record that replaces a wrong one — records are never edited) for 执法监督 (enforcement.supervise).
 */
export function SurveysPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const mayRecord = mayRecordSurveys(useCurrentUser());
  const teams = useTeams();
  const [values, setFilters] = useSearchFilters(SURVEY_FILTER_KEYS);
  const filter = surveyFilterFromQuery(values);
  const list = useCursorList<EnforcementSurvey>(surveyKeys.list(filter), (cursor, signal) =>
    surveyApi.list({ ...filter, cursor, limit: 50 }, signal),
  );
  const [editing, setEditing] = useState<Editing | null>(null);

  return (
    <>
      <PageHeader
        title={t('enforcementSurveys.title')}
        subtitle={t('enforcementSurveys.subtitle')}
        extra={
          mayRecord ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setEditing({ corrects: undefined })}
              data-testid="survey-record"
            >
              {t('enforcementSurveys.record')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="surveys-filters">
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('enforcementSurveys.allTeams')}
            style={{ minWidth: 220 }}
            value={filter.teamId}
            onChange={(v) => setFilters({ teamId: v })}
            loading={teams.isPending}
            options={(teams.data ?? []).map((x) => ({ value: x.id, label: x.name }))}
            data-testid="surveys-team"
          />
          <DateRangeFilter
            from={filter.from}
            to={filter.to}
            onChange={(range) => setFilters(range)}
            placeholder={t('enforcementSurveys.dates')}
            testId="surveys-dates"
          />
        </Flex>
        <CursorTable<EnforcementSurvey>
          list={list}
          rowKey="id"
          size="middle"
          scroll={{ x: 1100 }}
          locale={{ emptyText: t('enforcementSurveys.empty') }}
          data-testid="surveys-table"
          onRow={(s) =>
            ({
              'data-testid': 'survey-row',
              'data-id': s.id,
              'data-corrected': String(!!s.correctedById),
              'data-correction': String(!!s.correctsId),
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: t('enforcementSurveys.fields.surveyedOn'), dataIndex: 'surveyedOn', key: 'surveyedOn', width: 110 },
            { title: t('enforcementSurveys.fields.team'), dataIndex: 'teamName', key: 'team', width: 200 },
            { title: t('enforcementSurveys.fields.method'), dataIndex: 'methodName', key: 'method', width: 100 },
            {
              title: t('enforcementSurveys.fields.respondents'),
              dataIndex: 'respondents',
              key: 'respondents',
              width: 90,
              align: 'right',
            },
            {
              title: t('enforcementSurveys.fields.satisfied'),
              dataIndex: 'satisfied',
              key: 'satisfied',
              width: 120,
              align: 'right',
            },
            {
              title: t('enforcementSurveys.fields.rate'),
              key: 'rate',
              width: 90,
              align: 'right',
              render: (_: unknown, s) => (
                <Typography.Text delete={!!s.correctedById} data-testid="survey-row-rate">
                  {formatRate(s.rate)}
                </Typography.Text>
              ),
            },
            {
              title: t('enforcementSurveys.fields.status'),
              key: 'status',
              width: 150,
              render: (_: unknown, s) => <SurveyTags s={s} />,
            },
            {
              title: t('enforcementSurveys.fields.note'),
              dataIndex: 'note',
              key: 'note',
              ellipsis: true,
              render: (note: string | null) => note ?? <Typography.Text type="secondary">—</Typography.Text>,
            },
            { title: t('enforcementSurveys.fields.recordedBy'), dataIndex: 'recordedBy', key: 'recordedBy', width: 110 },
            ...(mayRecord
              ? [
                  {
                    title: t('enforcementSurveys.fields.actions'),
                    key: 'actions',
                    width: 90,
                    fixed: 'right' as const,
                    render: (_: unknown, s: EnforcementSurvey) =>
                      mayCorrect(s, mayRecord) ? (
                        <Button
                          size="small"
                          type="link"
                          onClick={() => setEditing({ corrects: s })}
                          data-testid="survey-correct"
                        >
                          {t('enforcementSurveys.correct')}
                        </Button>
                      ) : null,
                  },
                ]
              : []),
          ]}
        />
      </Card>
      {editing ? (
        <SurveyModal
          corrects={editing.corrects}
          teams={teams.data ?? []}
          teamsLoading={teams.isPending}
          onClose={() => setEditing(null)}
          onSaved={() => {
            void message.success(editing.corrects ? t('enforcementSurveys.correctedDone') : t('enforcementSurveys.done'));
            setEditing(null);
            void queryClient.invalidateQueries({ queryKey: surveyKeys.lists });
            // 执法满意度 is computed from the surveys
            void queryClient.invalidateQueries({ queryKey: enforcementKpiKeys.all });
          }}
        />
      ) : null}
    </>
  );
}
