import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Modal, Table, Typography, Upload, type ButtonProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { ImportReportRow, ImportResult } from '../../lib/api/types';
import { ProblemAlert } from '../../components/ProblemAlert';
import { powersApi } from './api';
import { importContentType, importReportOf } from './importModel';

/** The rows the API rejected (nothing was imported). */
export function ImportReport({ rows }: { rows: ImportReportRow[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="error" showIcon title={t('importExport.reportTitle')} style={{ marginBottom: 8 }} data-testid="import-report-title" />
      <Table<ImportReportRow>
        data-testid="import-report"
        rowKey={(r) => `${r.row}|${r.column}|${r.message}`}
        size="small"
        pagination={false}
        scroll={{ y: 300 }}
        dataSource={rows}
        onRow={(r) => ({ 'data-testid': 'import-report-row', 'data-row': r.row }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: t('importExport.row'), dataIndex: 'row', key: 'row', width: 60 },
          { title: t('importExport.column'), dataIndex: 'column', key: 'column', width: 110 },
          { title: t('importExport.message'), dataIndex: 'message', key: 'message' },
        ]}
      />
    </>
  );
}

/** 导入: a .csv or .xlsx file is checked first (dry run); 确认导入 only when the check found no error. */
export function ImportItemsModal({ open, onClose, onDone }: { open: boolean; onClose: () => void; onDone: (r: ImportResult) => void }) {
  const { t } = useTranslation();
  const [file, setFile] = useState<File | null>(null);
  const [checked, setChecked] = useState<ImportResult | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- resets the local state each time the modal opens or the record changes (the component stays mounted)
    setFile(null);
    setChecked(null);
    setProblem(null);
  }, [open]);

  const run = useMutation({
    mutationFn: ({ f, dryRun }: { f: File; dryRun: boolean }) =>
      powersApi.importItems(f, importContentType(f.name) ?? 'text/csv', dryRun),
    onSuccess: (result) => {
      if (result.dryRun) setChecked(result);
      else onDone(result);
    },
    onError: (e) => {
      setChecked(null);
      setProblem(e);
    },
  });

  const choose = (f: File) => {
    setChecked(null);
    setProblem(null);
    if (!importContentType(f.name)) {
      setFile(null);
      setProblem(new Error(t('importExport.badType')));
      return;
    }
    setFile(f);
    run.mutate({ f, dryRun: true });
  };

  const report = importReportOf(problem);

  return (
    <Modal
      open={open}
      width={720}
      title={t('importExport.importTitle')}
      okText={t('importExport.confirm')}
      okButtonProps={{ disabled: !checked || !file, 'data-testid': 'import-confirm' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={run.isPending && checked !== null}
      onOk={() => file && run.mutate({ f: file, dryRun: false })}
      onCancel={onClose}
      data-testid="import-modal"
    >
      <Typography.Paragraph type="secondary">{t('importExport.importHint')}</Typography.Paragraph>
      <Flex gap={8} align="center" style={{ marginBottom: 16 }}>
        <Upload
          accept=".csv,.xlsx"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            choose(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="import-pick">
            {t('importExport.pickFile')}
          </Button>
        </Upload>
        <Typography.Text data-testid="import-file-name">{file?.name ?? ''}</Typography.Text>
        {file ? (
          <Button onClick={() => run.mutate({ f: file, dryRun: true })} loading={run.isPending && !checked} data-testid="import-dry-run">
            {t('importExport.dryRun')}
          </Button>
        ) : null}
      </Flex>
      {checked ? (
        <Alert
          type="success"
          showIcon
          data-testid="import-dry-run-result"
          title={t('importExport.dryRunResult', { created: checked.created, revised: checked.revised })}
        />
      ) : null}
      {report.length > 0 ? <ImportReport rows={report} /> : problem ? <ProblemAlert error={problem} /> : null}
    </Modal>
  );
}
