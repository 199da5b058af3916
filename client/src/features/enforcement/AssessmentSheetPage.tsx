import { App as AntApp, Alert, Button, Card, Flex, Form, Input, InputNumber, Table, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type {
  AssessmentRankings,
  AssessmentRound,
  AssessmentSheet,
  Me,
  RoundIndicator,
  RoundParty,
} from '../../lib/api/types';
import type { Tagged } from '../../lib/api/client';
import { formatDateTime } from '../../lib/format';
import { useFormSend } from '../../lib/useFormSend';
import { hasPermission, useCurrentUser } from '../../lib/auth/useAuth';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { RecordStatus } from '../../components/RecordStatus';
import { StaleRecordAlert } from '../../components/StaleRecordAlert';
import { enforcementApi, enforcementKeys } from './api';
import { useRound } from './AssessmentPage';
import { RoundStateTag, SourceTag } from './AssessmentTags';
import {
  cellIndex,
  formatKpiValue,
  formatScore,
  isManual,
  sheetBody,
  sheetCells,
  sheetEtag,
  type SheetCell,
} from './assessmentModel';

/** Why the sheet cannot be changed now (null: it can). */
export type SheetLock = 'permission' | 'other' | 'window' | null;

export function sheetLock(round: Pick<AssessmentRound, 'direction' | 'windowOpen'>, scorerId: string, me: Me): SheetLock {
  if (!hasPermission(me, 'enforcement.assess_score')) return 'permission';
  // a township's own sheet is its region; a department's own is the only one the API lets it read besides managers
  if (round.direction === 'departments' && me.regionId !== scorerId) return 'other';
  if (!round.windowOpen) return 'window';
  return null;
}

interface FormProps {
  round: AssessmentRound;
  sheet: AssessmentSheet;
  etag: string | null;
  lock: SheetLock;
  rankings: AssessmentRankings | undefined;
  onSaved: (next: Tagged<AssessmentSheet>) => void;
  onReload: () => Promise<unknown>;
}

/** A computed indicator's cell: never typed in; its value and score when the results can be read. */
function ComputedCell({ rankings, scoredId, code }: { rankings: AssessmentRankings | undefined; scoredId: string; code: string }) {
  const { t } = useTranslation();
  const result = rankings?.items.find((i) => i.partyId === scoredId)?.indicators.find((i) => i.code === code);
  const value = result ? formatKpiValue(result) : null;
  return (
    <Flex vertical gap={2} data-testid="sheet-computed">
      <span>
        <Tag color="purple" style={{ marginInlineEnd: 0 }}>
          {t('enforcement.sheet.computed')}
        </Tag>
      </span>
      {result ? (
        <>
          <Typography.Text data-testid="sheet-computed-value">
            {value === null ? t('enforcement.sheet.noData') : t('enforcement.sheet.value', { value })}
          </Typography.Text>
          <Typography.Text strong data-testid="sheet-computed-score">
            {formatScore(result.score)}
          </Typography.Text>
        </>
      ) : (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('enforcement.sheet.computedHint')}
        </Typography.Text>
      )}
    </Flex>
  );
}

function SheetForm({ round, sheet, etag, lock, rankings, onSaved, onReload }: FormProps) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ scores: Partial<SheetCell>[] }>();
  const cells = sheetCells(round, sheet);
  const send = useFormSend(form, {
    send: (v: { scores?: Partial<SheetCell>[] }) =>
      enforcementApi.putSheet(round.id, sheet.scorerId, sheetBody(cells, v), sheetEtag(sheet, etag)),
    onSuccess: onSaved,
    fields: ['scores'],
    onReload,
  });
  const editable = lock === null;
  const indicatorColumn = (i: RoundIndicator) => ({
    title: (
      <Flex vertical>
        <span>{i.name}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
          {t('enforcement.sheet.maxOf', { max: formatScore(i.maxScore) })} · {i.weight}%
        </Typography.Text>
      </Flex>
    ),
    key: i.code,
    width: isManual(i) ? 200 : 150,
    render: (_: unknown, p: RoundParty) => {
      if (!isManual(i)) return <ComputedCell rankings={rankings} scoredId={p.id} code={i.code} />;
      const n = cellIndex(cells, p.id, i.code);
      return (
        <div data-testid="sheet-cell" data-scored={p.id} data-indicator={i.code}>
          <Form.Item
            name={['scores', n, 'score']}
            rules={[{ required: true, message: t('enforcement.sheet.scoreRequired') }]}
            style={{ marginBottom: 4 }}
          >
            <InputNumber
              min={0}
              max={i.maxScore}
              precision={2}
              disabled={!editable}
              style={{ width: '100%' }}
              data-testid="sheet-score"
            />
          </Form.Item>
          <Form.Item name={['scores', n, 'comment']} style={{ marginBottom: 0 }}>
            <Input
              size="small"
              maxLength={500}
              disabled={!editable}
              placeholder={t('enforcement.sheet.comment')}
              data-testid="sheet-comment"
            />
          </Form.Item>
        </div>
      );
    },
  });

  return (
    <Form
      form={form}
      name="sheet"
      initialValues={{ scores: cells.map((c) => ({ score: c.score, comment: c.comment })) }}
      onFinish={send.submit}
    >
      {send.stale && send.onReload ? <StaleRecordAlert onReload={send.onReload} onReloaded={send.reloaded} /> : null}
      {send.problem ? <ProblemAlert error={send.problem} style={{ marginBottom: 16 }} /> : null}
      <Table<RoundParty>
        size="small"
        rowKey="id"
        pagination={false}
        bordered
        scroll={{ x: 200 + round.indicators.length * 200 }}
        dataSource={round.scored}
        data-testid="sheet-table"
        onRow={(p) => ({ 'data-testid': 'sheet-row', 'data-id': p.id }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('enforcement.sheet.scoredCol'), dataIndex: 'name', key: 'name', width: 160, fixed: 'left' },
          ...round.indicators.map(indicatorColumn),
        ]}
      />
      {editable ? (
        <Flex justify="flex-end" style={{ marginTop: 16 }}>
          <Button
            type="primary"
            htmlType="submit"
            icon={<SendOutlined />}
            loading={send.sending}
            data-testid="sheet-submit"
          >
            {t('enforcement.sheet.save')}
          </Button>
        </Flex>
      ) : null}
    </Form>
  );
}

/**
 * 评分表: one scorer's scores of the round's scored units. Hand-scored indicators are typed in by the scorer itself
 * while the window is open and sent whole with If-Match (a 412 offers the reload and keeps what was typed); computed
 * ones are shown, never typed, with their values when the results can be read (the county's managers, or once
 * published). Anyone else, or outside the window, reads it.
 */
export function AssessmentSheetPage() {
  const { t } = useTranslation();
  const { id = '', scorerId = '' } = useParams();
  const { message } = AntApp.useApp();
  const queryClient = useQueryClient();
  const me = useCurrentUser();
  const round = useRound(id);
  const sheet = useQuery({
    queryKey: enforcementKeys.sheet(id, scorerId),
    queryFn: ({ signal }) => enforcementApi.sheet(id, scorerId, signal),
    enabled: !!id && !!scorerId,
  });
  const r = round.data?.data;
  const mayRank = !!r && (hasPermission(me, 'enforcement.assess') || r.state === 'published');
  const rankings = useQuery({
    queryKey: enforcementKeys.rankings(id),
    queryFn: ({ signal }) => enforcementApi.rankings(id, signal),
    enabled: mayRank,
  });

  if (round.isPending || round.isError) return <RecordStatus error={round.error} />;
  if (sheet.isPending || sheet.isError) return <RecordStatus error={sheet.error} />;
  const roundData = round.data.data;
  const s = sheet.data.data;
  const lock = sheetLock(roundData, scorerId, me);

  return (
    <>
      <PageHeader
        title={<span data-testid="sheet-title">{t('enforcement.sheet.title', { scorer: s.scorerName })}</span>}
        subtitle={
          <Flex gap={8} align="center" wrap>
            <RoundStateTag state={roundData.state} />
            <span>{roundData.title}</span>
            <span data-testid="sheet-submitted">
              {s.submittedAt
                ? t('enforcement.sheet.submitted', { at: formatDateTime(s.submittedAt), by: s.submittedBy ?? '' })
                : t('enforcement.sheet.notSubmitted')}
            </span>
          </Flex>
        }
        extra={
          <Link to={`/enforcement/assessments/${id}`}>
            <Button icon={<ArrowLeftOutlined />}>{t('enforcement.sheet.back')}</Button>
          </Link>
        }
      />
      <Card>
        {lock ? (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            data-testid="sheet-read-only"
            title={
              lock === 'window'
                ? t('enforcement.sheet.readOnlyWindow', {
                    from: roundData.opensOn,
                    to: roundData.closesOn,
                    state: t(`enforcement.assessments.states.${roundData.state}`),
                  })
                : lock === 'other'
                  ? t('enforcement.sheet.readOnlyOther')
                  : t('enforcement.sheet.readOnlyPermission')
            }
          />
        ) : (
          <Typography.Paragraph type="secondary">{t('enforcement.sheet.intro')}</Typography.Paragraph>
        )}
        <Flex gap={8} wrap style={{ marginBottom: 12 }}>
          {roundData.indicators.map((i) => (
            <span key={i.code}>
              {i.name} <SourceTag indicator={i} />
            </span>
          ))}
        </Flex>
        <SheetForm
          key={`${id}/${scorerId}`}
          round={roundData}
          sheet={s}
          etag={sheet.data.etag}
          lock={lock}
          rankings={rankings.data}
          onReload={() => queryClient.invalidateQueries({ queryKey: enforcementKeys.sheet(id, scorerId), exact: true })}
          onSaved={(next) => {
            queryClient.setQueryData(enforcementKeys.sheet(id, scorerId), next);
            void queryClient.invalidateQueries({ queryKey: enforcementKeys.rankings(id) });
            void message.success(t('enforcement.sheet.saved'));
          }}
        />
      </Card>
    </>
  );
}
