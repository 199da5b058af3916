import { useMemo, useState } from 'react';
import {
  Alert,
  App as AntApp,
  Button,
  Card,
  Col,
  Flex,
  Form,
  Input,
  Modal,
  Radio,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import type { CalendarDay, CalendarDayKind } from '../../lib/api/types';
import { applyProblemToForm } from '../../lib/formErrors';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert, problemMessage } from '../../components/ProblemAlert';
import { usePermission } from '../../lib/auth/useAuth';
import { calendarApi, calendarKeys } from './api';
import { buildYear, defaultYear, type DayCell, type MonthGrid } from './monthGrid';
import { LoadedYearsCard } from './LoadedYears';
import { useLoadedYears } from '../../lib/api/calendar';
import { offeredYears } from './uploadModel';
import './calendar.css';

type Weekday = '0' | '1' | '2' | '3' | '4' | '5' | '6';
const MONDAY_FIRST: Weekday[] = ['1', '2', '3', '4', '5', '6', '0'];

function parseYear(raw: string | null): number {
  const y = Number(raw);
  return Number.isInteger(y) && y >= 2000 && y <= 2100 ? y : defaultYear();
}

export function CalendarPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const year = parseYear(params.get('year'));
  const canManage = usePermission('calendar.manage');
  const [editing, setEditing] = useState<DayCell | null>(null);
  const loadedYears = useLoadedYears();
  const years = useMemo(() => {
    const offered = offeredYears((loadedYears.data?.years ?? []).map((y) => y.year));
    return offered.includes(year) ? offered : [...offered, year].sort((a, b) => a - b);
  }, [loadedYears.data, year]);

  const calendar = useQuery({
    queryKey: calendarKeys.year(year),
    queryFn: ({ signal }) => calendarApi.year(year, signal),
  });
  const days = useMemo(() => calendar.data?.days ?? [], [calendar.data]);
  const months = useMemo(() => buildYear(year, days), [year, days]);
  const sorted = useMemo(() => [...days].sort((a, b) => a.date.localeCompare(b.date)), [days]);

  return (
    <>
      <PageHeader
        title={t('nav.calendar')}
        subtitle={canManage ? t('calendar.manageHint') : undefined}
        extra={
          <Space>
            <Typography.Text>{t('calendar.year')}</Typography.Text>
            <Select<number>
              value={year}
              onChange={(y) => setParams({ year: String(y) }, { replace: true })}
              options={years.map((y) => ({ value: y, label: t('calendar.yearOption', { year: y }) }))}
              style={{ width: 120 }}
              data-testid="calendar-year"
            />
          </Space>
        }
      />
      <Flex gap={16} wrap style={{ marginBottom: 16 }} data-testid="calendar-legend">
        <span className="gov-cal-legend gov-cal-holiday">{t('calendar.legendOff')}</span>
        <span className="gov-cal-legend gov-cal-makeup">{t('calendar.legendWork')}</span>
        <span className="gov-cal-legend gov-cal-weekend">{t('calendar.legendWeekend')}</span>
      </Flex>
      {calendar.isError ? <ProblemAlert error={calendar.error} style={{ marginBottom: 16 }} /> : null}
      {calendar.data?.provisional ? (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 16 }}
          data-testid="calendar-provisional"
          title={t('calendar.provisional', { year })}
        />
      ) : null}
      <Row gutter={[16, 16]} data-testid="calendar-months" data-year={year} aria-busy={calendar.isPending}>
        {months.map((m) => (
          <Col key={m.month} xs={24} sm={12} lg={8} xxl={6}>
            <MonthCard grid={m} canManage={canManage && !calendar.isPending} onPick={setEditing} />
          </Col>
        ))}
      </Row>
      <Card title={t('calendar.exceptions')} style={{ marginTop: 16 }}>
        <Table<CalendarDay>
          data-testid="calendar-exceptions"
          rowKey="date"
          size="small"
          loading={calendar.isPending}
          dataSource={sorted}
          pagination={false}
          locale={{ emptyText: t('calendar.noExceptions') }}
          columns={[
            { title: t('calendar.date'), dataIndex: 'date', key: 'date', width: 140 },
            {
              title: t('calendar.weekday'),
              key: 'weekday',
              width: 100,
              render: (_: unknown, d) => t(`calendar.weekdayNames.${String(new Date(`${d.date}T00:00:00Z`).getUTCDay()) as Weekday}`),
            },
            {
              title: t('calendar.kind'),
              dataIndex: 'kind',
              key: 'kind',
              width: 160,
              render: (k: CalendarDayKind) =>
                k === 'off' ? <Tag color="red">{t('calendar.kindOff')}</Tag> : <Tag color="blue">{t('calendar.kindWork')}</Tag>,
            },
            { title: t('calendar.name'), dataIndex: 'name', key: 'name' },
          ]}
        />
      </Card>
      <LoadedYearsCard onUploaded={(y) => setParams({ year: String(y) }, { replace: true })} />
      {canManage ? <DayEditor year={year} cell={editing} onClose={() => setEditing(null)} /> : null}
    </>
  );
}

function MonthCard({ grid, canManage, onPick }: { grid: MonthGrid; canManage: boolean; onPick: (c: DayCell) => void }) {
  const { t } = useTranslation();
  return (
    <Card
      size="small"
      title={t('calendar.monthTitle', { month: grid.month })}
      data-testid={`calendar-month-${grid.month}`}
    >
      <table className="gov-cal-grid">
        <thead>
          <tr>
            {MONDAY_FIRST.map((w) => (
              <th key={w} className={w === '0' || w === '6' ? 'gov-cal-weekend-head' : undefined}>
                {t(`calendar.weekdays.${w}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {grid.weeks.map((week, i) => (
            <tr key={i}>
              {week.map((cell, j) =>
                cell ? (
                  <td key={cell.date}>
                    <button
                      type="button"
                      className={`gov-cal-day gov-cal-${cell.status}${canManage ? ' gov-cal-editable' : ''}`}
                      data-testid={`cal-day-${cell.date}`}
                      data-status={cell.status}
                      title={cell.name ? `${cell.date} ${cell.name}` : cell.date}
                      aria-disabled={!canManage}
                      onClick={canManage ? () => onPick(cell) : undefined}
                    >
                      <span className="gov-cal-num">{cell.day}</span>
                      {cell.status === 'holiday' ? (
                        <span className="gov-cal-badge">{t('calendar.off')}</span>
                      ) : cell.status === 'makeup' ? (
                        <span className="gov-cal-badge">{t('calendar.work')}</span>
                      ) : null}
                    </button>
                  </td>
                ) : (
                  <td key={`pad-${j}`} />
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </Card>
  );
}

interface DayForm {
  kind: CalendarDayKind;
  name: string;
}

function DayEditor({ year, cell, onClose }: { year: number; cell: DayCell | null; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const [form] = Form.useForm<DayForm>();
  const [problem, setProblem] = useState<unknown>(null);

  const done = (text: string) => {
    void message.success(text);
    void queryClient.invalidateQueries({ queryKey: calendarKeys.year(year) });
    setProblem(null);
    onClose();
  };

  const mark = useMutation({
    mutationFn: (v: DayForm) => calendarApi.mark(cell?.date ?? '', { kind: v.kind, name: v.name.trim() }),
    onSuccess: () => done(t('calendar.saved')),
    onError: (e) => setProblem(applyProblemToForm(form, e, ['kind', 'name']) ? null : e),
  });
  const clear = useMutation({
    mutationFn: () => calendarApi.clear(cell?.date ?? ''),
    onSuccess: () => done(t('calendar.cleared')),
    onError: (e) => void message.error(problemMessage(e, t('common.requestFailed'))),
  });

  const initial: DayForm | undefined = cell
    ? {
        kind: cell.status === 'holiday' ? 'off' : cell.status === 'makeup' ? 'work' : cell.weekday === 0 || cell.weekday === 6 ? 'work' : 'off',
        name: cell.name ?? '',
      }
    : undefined;

  return (
    <Modal
      open={!!cell}
      title={cell ? t('calendar.dayTitle', { date: cell.date }) : ''}
      onCancel={() => {
        setProblem(null);
        onClose();
      }}
      destroyOnHidden
      data-testid="calendar-day-modal"
      footer={
        <Flex justify="space-between">
          <div>
            {cell?.marked ? (
              <Button danger loading={clear.isPending} onClick={() => clear.mutate()} data-testid="day-clear">
                {t('calendar.clear')}
              </Button>
            ) : null}
          </div>
          <Space>
            <Button onClick={onClose}>{t('common.cancel')}</Button>
            <Button type="primary" loading={mark.isPending} onClick={() => form.submit()} data-testid="day-save">
              {t('common.save')}
            </Button>
          </Space>
        </Flex>
      }
    >
      {cell ? (
        <Form<DayForm> key={cell.date} form={form} layout="vertical" initialValues={initial} onFinish={(v) => mark.mutate(v)}>
          {problem ? <ProblemAlert error={problem} style={{ marginBottom: 16 }} /> : null}
          <Form.Item name="kind" label={t('calendar.kind')} rules={[{ required: true }]}>
            <Radio.Group data-testid="day-kind">
              <Radio.Button value="off">
                <span data-testid="day-kind-off">{t('calendar.kindOff')}</span>
              </Radio.Button>
              <Radio.Button value="work">
                <span data-testid="day-kind-work">{t('calendar.kindWork')}</span>
              </Radio.Button>
            </Radio.Group>
          </Form.Item>
          <Form.Item
            name="name"
            label={t('calendar.name')}
            rules={[{ required: true, whitespace: true, message: t('calendar.nameRequired') }]}
          >
            <Input placeholder={t('calendar.namePlaceholder')} maxLength={50} data-testid="day-name" />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
