import { useState } from 'react';
import { Alert, App as AntApp, Button, Card, Flex, InputNumber, Table, Typography, Upload } from 'antd';
import { SaveOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Campaign, Registration, ScoreRowError } from '../../lib/api/types';
import { ProblemAlert, problemMessage } from '../../components/ProblemAlert';
import { ScoreImportRejected, staffingApi } from './api';
import { scoreLines } from './secondment';

/**
 * 成绩录入 of the stage (笔试 or 面试): a score per qualified registration, typed or imported from XLSX/CSV; an import
 * with bad rows saves nothing and lists each row's problem.
 */
export function CampaignScores({
  campaign,
  field,
  registrations,
  onSaved,
}: {
  campaign: Campaign;
  field: 'written' | 'interview';
  registrations: readonly Registration[];
  onSaved: () => void;
}) {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const [typed, setTyped] = useState<Record<string, number | null>>({});
  const [rowErrors, setRowErrors] = useState<ScoreRowError[]>([]);
  const [importProblem, setImportProblem] = useState<unknown>(null);
  const qualified = registrations.filter((r) => r.state === 'qualified');
  const save = useMutation({
    mutationFn: () => staffingApi.scores(campaign.id, scoreLines(field, qualified, typed)),
    onSuccess: () => {
      void message.success(t('staffing.secondment.scores.saved', { count: scoreLines(field, qualified, typed).length }));
      setTyped({});
      onSaved();
    },
    onError: (e) => void message.error(problemMessage(e, t('common.requestFailed'))),
  });
  const upload = useMutation({
    mutationFn: (file: File) => staffingApi.importScores(campaign.id, file),
    onMutate: () => {
      setRowErrors([]);
      setImportProblem(null);
    },
    onSuccess: () => {
      void message.success(t('staffing.secondment.scores.imported'));
      onSaved();
    },
    onError: (e) => {
      if (e instanceof ScoreImportRejected) setRowErrors(e.rows);
      else setImportProblem(e);
    },
  });
  const column = t(`staffing.secondment.scores.${field}Column`);

  return (
    <Card
      title={t('staffing.secondment.scores.title', { stage: t(`staffing.secondment.registrations.${field}`) })}
      style={{ marginBottom: 16 }}
      data-testid="scores-card"
      extra={
        <Flex gap={8}>
          <Upload
            accept=".xlsx,.csv"
            showUploadList={false}
            beforeUpload={(file) => {
              upload.mutate(file);
              return false;
            }}
          >
            <Button icon={<UploadOutlined />} loading={upload.isPending} data-testid="scores-import">
              {t('staffing.secondment.scores.import')}
            </Button>
          </Upload>
          <Button
            type="primary"
            icon={<SaveOutlined />}
            loading={save.isPending}
            onClick={() => {
              if (scoreLines(field, qualified, typed).length === 0) void message.info(t('staffing.secondment.scores.nothing'));
              else save.mutate();
            }}
            data-testid="scores-save"
          >
            {t('staffing.secondment.scores.save')}
          </Button>
        </Flex>
      }
    >
      <Typography.Paragraph type="secondary">{t('staffing.secondment.scores.importHelp', { column })}</Typography.Paragraph>
      {importProblem ? <ProblemAlert error={importProblem} style={{ marginBottom: 12 }} /> : null}
      {rowErrors.length > 0 ? (
        <Alert
          type="error"
          style={{ marginBottom: 12 }}
          title={t('staffing.secondment.scores.rejected', { count: rowErrors.length })}
          data-testid="scores-row-errors"
          description={
            <Table<ScoreRowError>
              size="small"
              rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
              pagination={false}
              dataSource={rowErrors}
              columns={[
                { title: t('staffing.secondment.scores.row'), dataIndex: 'row', width: 60 },
                { title: t('staffing.secondment.scores.column'), dataIndex: 'column', width: 120 },
                { title: t('staffing.secondment.scores.message'), dataIndex: 'message' },
              ]}
            />
          }
        />
      ) : null}
      <Table<Registration>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={qualified}
        data-testid="scores-table"
        columns={[
          { title: t('staffing.secondment.registrations.name'), dataIndex: 'name' },
          { title: t('staffing.secondment.registrations.idNumber'), dataIndex: 'idNumber' },
          { title: t('staffing.secondment.registrations.originUnit'), dataIndex: 'originUnit' },
          ...(field === 'interview'
            ? [{ title: t('staffing.secondment.registrations.written'), dataIndex: 'written', align: 'right' as const }]
            : []),
          {
            title: t(`staffing.secondment.registrations.${field}`),
            key: 'score',
            width: 140,
            render: (_: unknown, r: Registration) => (
              <InputNumber
                min={0}
                max={100}
                precision={2}
                style={{ width: 120 }}
                value={r.id in typed ? typed[r.id] : r[field]}
                onChange={(v) => setTyped((s) => ({ ...s, [r.id]: v }))}
                data-testid={`score-${r.id}`}
                aria-label={`${r.name} ${t(`staffing.secondment.registrations.${field}`)}`}
              />
            ),
          },
        ]}
      />
    </Card>
  );
}
