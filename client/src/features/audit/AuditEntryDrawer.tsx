import { Col, Collapse, Descriptions, Divider, Drawer, Row, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditEntry } from '../../lib/api/types';
import { formatDateTime, formatJson } from '../../lib/format';
import { FieldDiffTable } from '../../components/FieldDiffTable';
import { entryDiff, WHOLE } from './entryDiff';
import type { AuditLabels } from './hooks';
import { OUTCOME_COLORS } from './outcomes';

/** A label with its code underneath (the code is what the API and the export filter by). */
function Coded({ label, code }: { label: string; code: string }) {
  return (
    <>
      {label}
      {label !== code ? (
        <Typography.Text type="secondary" code style={{ marginLeft: 8, fontSize: 12 }}>
          {code}
        </Typography.Text>
      ) : null}
    </>
  );
}

function Raw({ entry }: { entry: AuditEntry }) {
  const { t } = useTranslation();
  const block = (label: string, value: unknown, testId: string) => (
    <Col xs={24} lg={12}>
      <Typography.Text strong>{label}</Typography.Text>
      <pre
        data-testid={testId}
        style={{
          background: '#fafafa',
          border: '1px solid #f0f0f0',
          padding: 8,
          margin: '4px 0 0',
          maxHeight: 320,
          overflow: 'auto',
        }}
      >
        {formatJson(value)}
      </pre>
    </Col>
  );
  return (
    <Row gutter={16}>
      {block(t('audit.before'), entry.before, 'audit-before')}
      {block(t('audit.after'), entry.after, 'audit-after')}
    </Row>
  );
}

/** 审计记录详情: every field of the entry, before/after as a field-by-field diff, and the raw JSON. */
export function AuditEntryDrawer({
  entry,
  labels,
  onClose,
}: {
  entry: AuditEntry | undefined;
  labels: AuditLabels;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const diff = entry ? entryDiff(entry.before, entry.after) : [];
  const fieldLabel = (f: string) => (f === WHOLE ? t('audit.wholeValue') : t(`audit.fields.${f}`, { defaultValue: f }));
  return (
    <Drawer open={!!entry} onClose={onClose} size={720} title={t('audit.detail')} data-testid="audit-drawer">
      {entry ? (
        <>
          <Descriptions
            column={1}
            size="small"
            bordered
            styles={{ label: { whiteSpace: 'nowrap', width: 110 } }}
            data-testid="audit-detail"
          >
            <Descriptions.Item label={t('audit.occurredAt')}>{formatDateTime(entry.occurredAt)}</Descriptions.Item>
            <Descriptions.Item label={t('audit.actor')}>
              <Coded label={entry.actorDisplayName ?? entry.actorName} code={entry.actorName} />
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.actorUnit')}>{entry.actorUnit ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.action')}>
              <Coded label={labels.action(entry.action)} code={entry.action} />
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.recordType')}>
              <Coded label={labels.recordType(entry.recordType)} code={entry.recordType} />
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.recordId')}>{entry.recordId ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.region')}>{entry.regionName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.outcome')}>
              <Tag color={OUTCOME_COLORS[entry.outcome]}>{t(`audit.outcomes.${entry.outcome}`)}</Tag>
            </Descriptions.Item>
            <Descriptions.Item label={t('audit.ip')}>{entry.ip ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.userAgent')}>{entry.userAgent ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('audit.seq')}>{entry.seq}</Descriptions.Item>
          </Descriptions>
          <Divider titlePlacement="start">{t('audit.changes')}</Divider>
          {diff.length === 0 ? (
            <Typography.Text type="secondary" data-testid="audit-no-changes">
              {t('audit.noChanges')}
            </Typography.Text>
          ) : (
            <FieldDiffTable
              diff={diff}
              label={fieldLabel}
              beforeTitle={t('audit.before')}
              afterTitle={t('audit.after')}
            />
          )}
          <Collapse
            ghost
            style={{ marginTop: 16 }}
            items={[{ key: 'raw', label: t('audit.rawJson'), children: <Raw entry={entry} /> }]}
            data-testid="audit-raw"
          />
        </>
      ) : null}
    </Drawer>
  );
}
