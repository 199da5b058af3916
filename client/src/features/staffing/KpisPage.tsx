import { useMemo } from 'react';
import { Card, Col, DatePicker, Empty, Flex, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import type { StaffingKpiMonth } from '../../lib/api/types';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { addMonths, parseMonth } from '../../lib/months';
import { countyToday } from '../../lib/dates';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { EChart } from '../../components/EChart';
import { staffingApi, staffingKeys } from './api';
import { formatKpi, kpiChartOption } from './model';

type RegionFigures = StaffingKpiMonth['byRegion'][number];

/** 编制指标: 编制匹配率, 专业技术人员占比, 下沉编制数 and 空编数 by month, and the latest month by township. */
export function StaffingKpisPage() {
  const { t } = useTranslation();
  const [filters, setFilters] = useSearchFilters(['from', 'to'] as const);
  const thisMonth = countyToday().slice(0, 7);
  const to = parseMonth(filters.to) ?? thisMonth;
  const from = parseMonth(filters.from) ?? addMonths(to, -11);
  const kpis = useQuery({ queryKey: staffingKeys.kpis(from, to), queryFn: ({ signal }) => staffingApi.kpis(from, to, signal) });
  const months = kpis.data ?? [];
  const latest = months[months.length - 1];
  const option = useMemo(() => kpiChartOption(kpis.data ?? []), [kpis.data]);

  return (
    <>
      <PageHeader
        title={t('staffing.nav.kpis')}
        subtitle={t('staffing.kpis.subtitle')}
        extra={
          <DatePicker.RangePicker
            picker="month"
            allowClear={false}
            value={[dayjs(`${from}-01`), dayjs(`${to}-01`)]}
            onChange={(range) => setFilters({ from: range?.[0]?.format('YYYY-MM'), to: range?.[1]?.format('YYYY-MM') })}
            data-testid="kpi-range"
          />
        }
      />
      {kpis.error ? <ProblemAlert error={kpis.error} style={{ marginBottom: 16 }} /> : null}
      {latest ? (
        <>
          <Typography.Text type="secondary">
            {t('staffing.kpis.latest', { month: latest.month, date: latest.asOf })}
            {latest.frozen ? <Tag style={{ marginInlineStart: 8 }}>{t('staffing.kpis.frozen', { revision: latest.revision })}</Tag> : null}
          </Typography.Text>
          <Row gutter={16} style={{ margin: '8px 0 16px' }}>
            {latest.values.map((v) => (
              <Col xs={12} md={6} key={v.code}>
                <Card size="small">
                  <Statistic
                    title={v.name}
                    value={formatKpi(v)}
                    styles={{ content: { color: v.met === false ? '#cf1322' : v.met ? '#389e0d' : undefined } }}
                    data-testid={`kpi-${v.code}`}
                  />
                  {v.target !== null ? (
                    <Typography.Text type="secondary">
                      {t('staffing.kpis.target', { target: formatKpi({ value: v.target, denominator: v.denominator }) })}
                    </Typography.Text>
                  ) : null}
                </Card>
              </Col>
            ))}
          </Row>
          <Card style={{ marginBottom: 16 }}>
            <EChart option={option} height={300} testId="kpi-chart" />
          </Card>
          <Card title={t('staffing.kpis.byRegion', { month: latest.month })}>
            <Table<RegionFigures>
              dataSource={latest.byRegion}
              rowKey="regionPath"
              pagination={false}
              size="middle"
              data-testid="kpi-regions"
              columns={[
                { title: t('staffing.summary.township'), dataIndex: 'name' },
                { title: t('staffing.fields.approved'), dataIndex: 'approved', align: 'right' },
                { title: t('staffing.fields.occupied'), dataIndex: 'occupied', align: 'right' },
                { title: t('staffing.kpis.professional'), dataIndex: 'professional', align: 'right' },
                { title: t('staffing.kpis.movedDown'), dataIndex: 'movedDown', align: 'right' },
              ]}
            />
          </Card>
        </>
      ) : kpis.isPending ? null : (
        <Card>
          <Flex justify="center">
            <Empty />
          </Flex>
        </Card>
      )}
    </>
  );
}
