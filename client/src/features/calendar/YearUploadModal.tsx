import { useEffect, useState } from 'react';
import { Alert, Button, Flex, Modal, Select, Table, Typography, Upload, type ButtonProps } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CalendarYearUploadResult, ImportReportRow } from '../../lib/api/types';
import { problemReport } from '../../lib/problemReport';
import { ProblemAlert } from '../../components/ProblemAlert';
import { calendarApi, calendarKeys } from './api';
import { arrangementContentType } from './uploadModel';

interface Props {
  open: boolean;
  /** The year preselected (the warning's, or the one after the last loaded). */
  year: number;
  years: number[];
  onClose: () => void;
  onDone: (result: CalendarYearUploadResult) => void;
}

/**
 * 上传年度安排: a JSON (the seed file's shape) or CSV (date,kind,name) file with one year's official arrangement. The
 * server checks every row; a rejected file shows its rows and changes nothing. A loaded file replaces the year's
 * days and re-dates open deadlines.
 */
export function YearUploadModal({ open, year: initialYear, years, onClose, onDone }: Props) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const [year, setYear] = useState(initialYear);
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<unknown>(null);

  useEffect(() => {
    if (!open) return;
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a fresh form each time the modal opens
    setYear(initialYear);
    setFile(null);
    setProblem(null);
  }, [open, initialYear]);

  const upload = useMutation({
    mutationFn: ({ y, f }: { y: number; f: File }) => calendarApi.uploadYear(y, f, arrangementContentType(f.name) ?? 'text/csv'),
    onSuccess: (result) => {
      void queryClient.invalidateQueries({ queryKey: calendarKeys.all });
      onDone(result);
    },
    onError: setProblem,
  });

  const choose = (f: File) => {
    setProblem(null);
    if (!arrangementContentType(f.name)) {
      setFile(null);
      setProblem(new Error(t('calendar.upload.badType')));
      return;
    }
    setFile(f);
  };

  const report = problemReport(problem);

  return (
    <Modal
      open={open}
      width={720}
      title={t('calendar.upload.title')}
      okText={t('calendar.upload.confirm')}
      okButtonProps={{ disabled: !file, 'data-testid': 'year-upload-confirm' } as ButtonProps}
      cancelText={t('common.cancel')}
      confirmLoading={upload.isPending}
      onOk={() => file && upload.mutate({ y: year, f: file })}
      onCancel={onClose}
      destroyOnHidden
      data-testid="year-upload-modal"
    >
      <Typography.Paragraph type="secondary">{t('calendar.upload.hint')}</Typography.Paragraph>
      <Flex gap={8} align="center" wrap style={{ marginBottom: 16 }}>
        <Typography.Text>{t('calendar.year')}</Typography.Text>
        <Select<number>
          value={year}
          onChange={(y) => {
            setYear(y);
            setProblem(null);
          }}
          options={years.map((y) => ({ value: y, label: t('calendar.yearOption', { year: y }) }))}
          style={{ width: 120 }}
          data-testid="year-upload-year"
        />
        <Upload
          accept=".json,.csv"
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            choose(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} data-testid="year-upload-pick">
            {t('calendar.upload.pickFile')}
          </Button>
        </Upload>
        <Typography.Text data-testid="year-upload-file-name">{file?.name ?? ''}</Typography.Text>
      </Flex>
      <Alert type="info" showIcon title={t('calendar.upload.replaces', { year })} style={{ marginBottom: 16 }} />
      {report.length > 0 ? <UploadReport rows={report} /> : problem ? <ProblemAlert error={problem} /> : null}
    </Modal>
  );
}

/** The rows the server rejected (row 0: the file as a whole). */
function UploadReport({ rows }: { rows: ImportReportRow[] }) {
  const { t } = useTranslation();
  return (
    <>
      <Alert type="error" showIcon title={t('calendar.upload.reportTitle')} style={{ marginBottom: 8 }} data-testid="year-upload-report-title" />
      <Table<ImportReportRow>
        data-testid="year-upload-report"
        rowKey={(r) => `${r.row}|${r.column}|${r.message}`}
        size="small"
        pagination={false}
        scroll={{ y: 300 }}
        dataSource={rows}
        onRow={(r) => ({ 'data-testid': 'year-upload-report-row', 'data-row': r.row }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          {
            title: t('calendar.upload.row'),
            dataIndex: 'row',
            key: 'row',
            width: 90,
            render: (row: number) => (row === 0 ? t('calendar.upload.wholeFile') : row),
          },
          { title: t('calendar.upload.column'), dataIndex: 'column', key: 'column', width: 90 },
          { title: t('calendar.upload.message'), dataIndex: 'message', key: 'message' },
        ]}
      />
    </>
  );
}
