import { useState } from 'react';
import { App as AntApp, Button, Card, Flex, Radio, Select, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import type { EnforcementCase } from '../../lib/api/types';
import { useCursorList } from '../../lib/useCursorList';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { countyToday } from '../../lib/dates';
import { formatDateTime } from '../../lib/format';
import { usePermission } from '../../lib/auth/useAuth';
import { PageHeader } from '../../components/PageHeader';
import { CursorTable } from '../../components/CursorTable';
import { SearchBox } from '../../components/SearchBox';
import { enforcementApi, enforcementKeys } from './api';
import { useCaseChanged, useDomains } from './hooks';
import { caseDue, caseFilterFromQuery, CASE_FILTER_KEYS, CASE_SOURCES, CASE_STATES } from './caseModel';
import { CaseDueTag, CaseStateTag, DecisionDue } from './CaseTags';
import { RegisterLeadModal } from './RegisterLeadModal';
import './cases.css';

/**
 * 执法案件: every case in scope, newest first, by state, 执法领域, source, text (place, party, description) or the
 * decision deadline (已超期 / 临期); 加载更多 pages by cursor. 登记线索 for those who may register leads.
 */
export function CasesPage() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const navigate = useNavigate();
  const changed = useCaseChanged();
  const mayRegister = usePermission('enforcement.leads');
  const [registering, setRegistering] = useState(false);
  const [values, setFilters] = useSearchFilters(CASE_FILTER_KEYS);
  const filter = caseFilterFromQuery(values);
  const domains = useDomains();
  const list = useCursorList<EnforcementCase>(enforcementKeys.cases(filter), (cursor, signal) =>
    enforcementApi.cases({ ...filter, cursor, limit: 50 }, signal),
  );
  const today = countyToday();

  return (
    <>
      <PageHeader
        title={t('enforcement.nav.cases')}
        subtitle={t('enforcement.cases.subtitle')}
        extra={
          mayRegister ? (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() => setRegistering(true)}
              data-testid="lead-register"
            >
              {t('enforcement.cases.register')}
            </Button>
          ) : null
        }
      />
      <Card>
        <Flex gap={12} wrap align="center" style={{ marginBottom: 16 }} data-testid="cases-filters">
          <SearchBox
            value={filter.q}
            onSearch={(q) => setFilters({ q })}
            placeholder={t('enforcement.cases.searchPlaceholder')}
            testId="cases-search"
          />
          <Select
            allowClear
            placeholder={t('enforcement.cases.allStates')}
            style={{ minWidth: 150 }}
            value={filter.state}
            onChange={(v) => setFilters({ state: v })}
            options={CASE_STATES.map((s) => ({ value: s, label: t(`enforcement.cases.states.${s}`) }))}
            data-testid="cases-state"
          />
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            placeholder={t('enforcement.cases.allDomains')}
            style={{ minWidth: 150 }}
            value={filter.domain}
            onChange={(v) => setFilters({ domain: v })}
            loading={domains.isPending}
            options={(domains.data ?? []).map((d) => ({ value: d.code, label: d.name }))}
            data-testid="cases-domain"
          />
          <Select
            allowClear
            placeholder={t('enforcement.cases.allSources')}
            style={{ minWidth: 130 }}
            value={filter.source}
            onChange={(v) => setFilters({ source: v })}
            options={CASE_SOURCES.map((s) => ({ value: s, label: t(`enforcement.cases.sources.${s}`) }))}
            data-testid="cases-source"
          />
          <Radio.Group
            value={filter.due ?? ''}
            onChange={(e) => setFilters({ due: e.target.value as string })}
            optionType="button"
            data-testid="cases-due"
            options={[
              { value: '', label: t('enforcement.cases.fields.decisionDue') },
              {
                value: 'overdue',
                label: <span data-testid="cases-due-overdue">{t('enforcement.cases.overdueOnly')}</span>,
              },
              { value: 'soon', label: <span data-testid="cases-due-soon">{t('enforcement.cases.soonOnly')}</span> },
            ]}
          />
        </Flex>
        <CursorTable<EnforcementCase>
          list={list}
          rowKey="id"
          size="middle"
          scroll={{ x: 1100 }}
          data-testid="cases-table"
          rowClassName={(r) => {
            const due = caseDue(r, today);
            return due === 'overdue' ? 'ec-row-overdue' : due === 'soon' ? 'ec-row-due-soon' : '';
          }}
          onRow={(r) =>
            ({
              'data-testid': 'case-row',
              'data-id': r.id,
              'data-state': r.state,
              'data-due': caseDue(r, today) ?? 'none',
            }) as React.HTMLAttributes<HTMLElement>
          }
          columns={[
            {
              title: t('enforcement.cases.fields.state'),
              key: 'state',
              width: 170,
              render: (_: unknown, r) => (
                <Space size={4} wrap>
                  <CaseStateTag state={r.state} testId="case-row-state" />
                  <CaseDueTag value={r} today={today} testId="case-row-due" />
                </Space>
              ),
            },
            {
              title: t('enforcement.cases.fields.source'),
              key: 'source',
              width: 100,
              render: (_: unknown, r) => t(`enforcement.cases.sources.${r.source}`),
            },
            { title: t('enforcement.cases.fields.domain'), dataIndex: 'domainName', width: 120 },
            {
              title: t('enforcement.cases.fields.party'),
              key: 'party',
              width: 160,
              render: (_: unknown, r) =>
                r.partyName ? <span data-testid="case-row-party">{r.partyName}</span> : t('common.none'),
            },
            {
              title: t('enforcement.cases.fields.place'),
              key: 'place',
              render: (_: unknown, r) => (
                <Flex vertical>
                  <Link to={`/enforcement/cases/${r.id}`} data-testid="case-link">
                    {r.place}
                  </Link>
                  <Typography.Text type="secondary" ellipsis style={{ fontSize: 12, maxWidth: 320 }}>
                    {r.description}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: t('enforcement.cases.fields.receivedAt'),
              key: 'receivedAt',
              width: 150,
              render: (_: unknown, r) => formatDateTime(r.receivedAt),
            },
            {
              title: t('enforcement.cases.fields.decisionDue'),
              key: 'decisionDue',
              width: 120,
              render: (_: unknown, r) => <DecisionDue value={r} today={today} testId="case-row-decision-due" />,
            },
          ]}
        />
      </Card>
      <RegisterLeadModal
        open={registering}
        onClose={() => setRegistering(false)}
        onRegistered={(c) => {
          setRegistering(false);
          changed(c, null);
          void message.success(t('enforcement.cases.registered', { place: c.place }));
          void navigate(`/enforcement/cases/${c.id}`);
        }}
      />
    </>
  );
}
