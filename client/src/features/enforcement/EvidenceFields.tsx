// The fields of 收集证据, 先行登记保存处理 and 增加共同办理部门. The evidence file is stored first (POST /files); the
// form then names it by the SHA-256 the API answered, under the field `sha256` (where its 400, 413 and 415 land).
import { useState } from 'react';
import { Button, Flex, Form, Select, Spin, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CaseEvidence, StoredFile } from '../../lib/api/types';
import { isApiProblem } from '../../lib/api/client';
import { enforcementApi } from './api';
import {
  evidenceContentType,
  formatSize,
  isEvidenceKind,
  EVIDENCE_ACCEPT,
  EVIDENCE_KINDS,
  PRESERVATION_OUTCOMES,
  type CaseActionValues,
} from './caseModel';
import { useRequiredRule } from './formRules';

/** What a failed upload says under the file field: the server's words (413 too large, 415 not a kept type). */
function uploadError(e: unknown): string {
  return isApiProblem(e) ? e.displayMessage : String(e);
}

/** The picker inside the `sha256` field: choosing a file uploads it at once and shows its hash once stored. */
function EvidenceUpload({ value }: { value?: string }) {
  const { t } = useTranslation();
  const form = Form.useFormInstance<CaseActionValues>();
  const [stored, setStored] = useState<StoredFile | null>(null);
  const upload = useMutation({
    mutationFn: (f: File) => enforcementApi.uploadEvidence(f, evidenceContentType(f)),
    onSuccess: (s) => {
      setStored(s);
      form.setFields([{ name: 'sha256', value: s.sha256, errors: [] }]);
    },
    onError: (e) => form.setFields([{ name: 'sha256', value: undefined, errors: [uploadError(e)] }]),
  });
  const choose = (f: File) => {
    setStored(null);
    // the file's own name unless the officer names it otherwise afterwards
    form.setFields([
      { name: 'sha256', value: undefined, errors: [] },
      { name: 'fileName', value: f.name, errors: [] },
    ]);
    upload.mutate(f);
  };
  return (
    <Flex vertical gap={4}>
      <Flex gap={8} align="center" wrap>
        <Upload
          accept={EVIDENCE_ACCEPT}
          maxCount={1}
          showUploadList={false}
          beforeUpload={(f) => {
            choose(f);
            return false;
          }}
        >
          <Button icon={<UploadOutlined />} disabled={upload.isPending} data-testid="case-evidence-pick">
            {value ? t('enforcement.cases.form.pickAnother') : t('enforcement.cases.form.pickFile')}
          </Button>
        </Upload>
        {upload.isPending ? (
          <Flex gap={6} align="center" data-testid="case-evidence-uploading">
            <Spin size="small" />
            <Typography.Text type="secondary">
              {t('enforcement.cases.form.uploading', { name: upload.variables.name })}
            </Typography.Text>
          </Flex>
        ) : null}
      </Flex>
      {value && stored ? (
        <Flex vertical data-testid="case-evidence-stored">
          <Typography.Text type="secondary">
            {t('enforcement.cases.form.uploaded', { size: formatSize(stored.size), type: stored.contentTypeName })}
          </Typography.Text>
          <Typography.Text code copyable style={{ wordBreak: 'break-all' }} data-testid="case-evidence-sha256">
            {value}
          </Typography.Text>
        </Flex>
      ) : null}
    </Flex>
  );
}

export function EvidenceFileField() {
  const { t } = useTranslation();
  return (
    <Form.Item
      name="sha256"
      label={t('enforcement.cases.form.file')}
      extra={t('enforcement.cases.form.fileHint')}
      rules={[{ required: true, message: t('enforcement.cases.form.fileRequired') }]}
    >
      <EvidenceUpload />
    </Form.Item>
  );
}

export function EvidenceKindField() {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const label = t('enforcement.cases.form.evidenceKind');
  return (
    <Form.Item name="kind" label={label} rules={[rule(label)]}>
      <Select
        options={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`enforcement.cases.evidenceKinds.${k}`) }))}
        data-testid="case-evidence-kind"
      />
    </Form.Item>
  );
}

const itemLabel = (e: CaseEvidence, kind: string) => `#${e.seq} ${kind} · ${e.title}`;

/** 更正: an earlier item not corrected yet (the new one stands in for it, the old one stays). */
export function CorrectsField({ evidence }: { evidence: readonly CaseEvidence[] }) {
  const { t } = useTranslation();
  const open = evidence.filter((e) => !e.correctedById);
  if (open.length === 0) return null;
  const kind = (e: CaseEvidence) =>
    isEvidenceKind(e.kind) ? t(`enforcement.cases.evidenceKinds.${e.kind}`) : e.kindName;
  const options = [...open].sort((a, b) => a.seq - b.seq).map((e) => ({ value: e.id, label: itemLabel(e, kind(e)) }));
  return (
    <Form.Item
      name="correctsId"
      label={t('enforcement.cases.form.corrects')}
      extra={t('enforcement.cases.form.correctsHint')}
    >
      <Select
        allowClear
        options={options}
        data-testid="case-evidence-corrects-id"
      />
    </Form.Item>
  );
}

/** 先行登记保存处理: one of the preserved items still waiting for its decision, the overdue ones marked. */
export function PreservedItemField({ items }: { items: readonly CaseEvidence[] }) {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const label = t('enforcement.cases.form.evidenceItem');
  return (
    <Form.Item name="evidenceId" label={label} rules={[rule(label)]}>
      <Select
        options={items.map((e) => ({
          value: e.id,
          label: `#${e.seq} ${e.title} · ${t('enforcement.cases.evidence.preservationDue', {
            date: e.preservation?.dueOn ?? '',
          })}${e.preservation?.overdue ? `（${t('enforcement.cases.evidence.overdue')}）` : ''}`,
        }))}
        data-testid="case-preserved-item"
      />
    </Form.Item>
  );
}

export function OutcomeField() {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const label = t('enforcement.cases.form.outcome');
  return (
    <Form.Item name="outcome" label={label} rules={[rule(label)]}>
      <Select
        options={PRESERVATION_OUTCOMES.map((o) => ({
          value: o,
          label: t(`enforcement.cases.preservationOutcomes.${o}`),
        }))}
        data-testid="case-preservation-outcome"
      />
    </Form.Item>
  );
}

/** 共同办理部门: a county department not yet on the case. */
export function CoOwnerField({ units, loading }: { units: readonly { id: string; name: string }[]; loading: boolean }) {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const label = t('enforcement.cases.form.unit');
  return (
    <Form.Item
      name="unitId"
      label={label}
      rules={[rule(label)]}
      extra={!loading && units.length === 0 ? t('enforcement.cases.form.noUnits') : undefined}
    >
      <Select
        showSearch={{ optionFilterProp: 'label' }}
        loading={loading}
        options={units.map((u) => ({ value: u.id, label: u.name }))}
        data-testid="case-co-owner-unit"
      />
    </Form.Item>
  );
}
