// 证据 of a case: every item in its order with its file (download), its SHA-256, the corrections between items and,
// for 先行登记保存, the day the decision is due and the decision once made.
import type { HTMLAttributes } from 'react';
import { Card, Flex, Table, Tag, Tooltip, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseEvidence, EnforcementCase } from '../../lib/api/types';
import { enforcementApi } from './api';
import { formatSize, isEvidenceKind, isPreservationOutcome, shortHash } from './caseModel';

/** The row's anchor, so that 更正 links can point at the item they correct (and back). */
const anchor = (id: string) => `case-evidence-${id}`;

function SeqLink({ target, text, testId }: { target: CaseEvidence | undefined; text: string; testId: string }) {
  if (!target) return null;
  return (
    <a href={`#${anchor(target.id)}`} data-testid={testId} data-seq={target.seq}>
      {text}
    </a>
  );
}

function Preservation({ e }: { e: CaseEvidence }) {
  const { t } = useTranslation();
  const p = e.preservation;
  if (!p) return null;
  if (p.outcome) {
    const outcome = isPreservationOutcome(p.outcome)
      ? t(`enforcement.cases.preservationOutcomes.${p.outcome}`)
      : (p.outcomeName ?? p.outcome);
    return (
      <Flex vertical data-testid="case-evidence-preservation" data-outcome={p.outcome}>
        <Tag color="green" style={{ marginInlineEnd: 0, width: 'fit-content' }}>
          {t('enforcement.cases.evidence.decided', { date: p.decidedOn ?? '', outcome })}
        </Tag>
        {p.note ? <Typography.Text type="secondary">{p.note}</Typography.Text> : null}
      </Flex>
    );
  }
  return (
    <Flex gap={4} align="center" wrap data-testid="case-evidence-preservation" data-outcome="">
      <span>{t('enforcement.cases.evidence.preservationDue', { date: p.dueOn })}</span>
      {p.overdue ? (
        <Tag color="red" data-testid="case-evidence-overdue">
          {t('enforcement.cases.evidence.overdue')}
        </Tag>
      ) : (
        <Tag color="gold">{t('enforcement.cases.evidence.pending')}</Tag>
      )}
    </Flex>
  );
}

export function EvidenceSection({ c }: { c: EnforcementCase }) {
  const { t } = useTranslation();
  const byId = new Map(c.evidence.map((e) => [e.id, e]));
  const col = (k: 'seq' | 'kind' | 'file' | 'collected' | 'sha256') => t(`enforcement.cases.evidence.${k}`);
  return (
    <Card
      title={t('enforcement.cases.sections.evidence')}
      size="small"
      style={{ marginBottom: 16 }}
      data-testid="case-section-evidence"
    >
      {c.evidence.length === 0 ? (
        <Typography.Text type="secondary" data-testid="case-section-evidence-empty">
          {t('enforcement.cases.sections.notYet')}
        </Typography.Text>
      ) : (
        <Table<CaseEvidence>
          size="small"
          rowKey="id"
          pagination={false}
          scroll={{ x: 'max-content' }}
          dataSource={[...c.evidence].sort((a, b) => a.seq - b.seq)}
          onRow={(e) =>
            ({
              id: anchor(e.id),
              'data-testid': 'case-evidence-row',
              'data-seq': e.seq,
              'data-corrected': e.correctedById ? 'true' : 'false',
            }) as HTMLAttributes<HTMLElement>
          }
          columns={[
            { title: col('seq'), dataIndex: 'seq', width: 56 },
            {
              title: col('kind'),
              key: 'kind',
              render: (_: unknown, e) => (
                <Flex vertical gap={2}>
                  <span>
                    <Tag style={{ marginInlineEnd: 4 }}>
                      {isEvidenceKind(e.kind) ? t(`enforcement.cases.evidenceKinds.${e.kind}`) : e.kindName}
                    </Tag>
                    <Typography.Text delete={!!e.correctedById} data-testid="case-evidence-title">
                      {e.title}
                    </Typography.Text>
                  </span>
                  <SeqLink
                    target={e.correctsId ? byId.get(e.correctsId) : undefined}
                    text={t('enforcement.cases.evidence.corrects', { seq: byId.get(e.correctsId ?? '')?.seq })}
                    testId="case-evidence-corrects"
                  />
                  <SeqLink
                    target={e.correctedById ? byId.get(e.correctedById) : undefined}
                    text={t('enforcement.cases.evidence.correctedBy', { seq: byId.get(e.correctedById ?? '')?.seq })}
                    testId="case-evidence-corrected-by"
                  />
                  {e.note ? <Typography.Text type="secondary">{e.note}</Typography.Text> : null}
                  <Preservation e={e} />
                </Flex>
              ),
            },
            {
              title: col('file'),
              key: 'file',
              render: (_: unknown, e) => (
                <Flex vertical gap={2}>
                  <a
                    href={enforcementApi.evidenceFileUrl(c.id, e.id)}
                    download={e.fileName}
                    data-testid="case-evidence-download"
                  >
                    <DownloadOutlined /> {e.fileName}
                  </a>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="case-evidence-type">
                    {e.contentType} · {formatSize(e.size)}
                  </Typography.Text>
                </Flex>
              ),
            },
            {
              title: col('collected'),
              key: 'collected',
              render: (_: unknown, e) => (
                <Flex vertical gap={2}>
                  <span>{e.collectedOn}</span>
                  <Typography.Text type="secondary">{e.collectedBy}</Typography.Text>
                </Flex>
              ),
            },
            {
              title: col('sha256'),
              key: 'sha256',
              render: (_: unknown, e) => (
                <Tooltip title={<span style={{ wordBreak: 'break-all' }}>{e.sha256}</span>}>
                  <Typography.Text
                    code
                    copyable={{
                      text: e.sha256,
                      tooltips: [t('enforcement.cases.evidence.copy'), t('enforcement.cases.evidence.copied')],
                    }}
                    data-testid="case-evidence-hash"
                    data-hash={e.sha256}
                  >
                    {shortHash(e.sha256)}
                  </Typography.Text>
                </Tooltip>
              ),
            },
          ]}
        />
      )}
    </Card>
  );
}
