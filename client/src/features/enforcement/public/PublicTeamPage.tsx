import { useState } from 'react';
import { Alert, Button, Card, Empty, Flex, Result, Skeleton, Tag, Typography } from 'antd';
import { EnvironmentOutlined, FileSearchOutlined, PhoneOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { PowerType, PublicOfficer, PublicPower } from '../../../lib/api/types';
import { isApiProblem } from '../../../lib/api/client';
import { publicEnforcementPath } from '../../../lib/publicPaths';
import { usePhone } from '../../../lib/usePhone';
import { ProblemAlert } from '../../../components/ProblemAlert';
import { enforcementApi, enforcementKeys } from '../api';
import '../enforcement-public.css';

const POWER_TYPES: readonly string[] = ['XK', 'CF', 'QZ', 'ZS', 'JF', 'JC', 'QR', 'JL', 'CJ', 'QT'];
const isPowerType = (v: string): v is PowerType => POWER_TYPES.includes(v);

function OfficerCard({ o }: { o: PublicOfficer }) {
  const { t } = useTranslation();
  return (
    <Card size="small" className="ep-card" data-testid="public-officer">
      <Flex justify="space-between" align="baseline" gap={8} wrap>
        <Typography.Text strong data-testid="public-officer-name">
          {o.name}
        </Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {t('enforcement.public.team.validUntil')} {o.validUntil}
        </Typography.Text>
      </Flex>
      <div className="ep-line">
        <Typography.Text type="secondary" className="ep-label">
          {t('enforcement.public.team.certificate')}
        </Typography.Text>
        <span className="ep-value" data-testid="public-officer-certificate">
          {o.certificateNumber}
        </span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {' · '}
          {t('enforcement.public.team.issuingBody')} {o.issuingBody}
        </Typography.Text>
      </div>
      <Flex wrap gap={4} style={{ marginTop: 8 }} data-testid="public-officer-domains">
        {o.domains.map((d) => (
          <Tag key={d} style={{ marginInlineEnd: 0 }}>
            {d}
          </Tag>
        ))}
      </Flex>
    </Card>
  );
}

/** The first POWERS_SHOWN powers, then 显示全部 (a township has dozens: a phone should not scroll through all). */
const POWERS_SHOWN = 20;

function PowerList({ powers }: { powers: readonly PublicPower[] }) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  if (powers.length === 0) return <Empty description={t('enforcement.public.team.noPowers')} />;
  const shown = all ? powers : powers.slice(0, POWERS_SHOWN);
  return (
    <>
      <Flex vertical className="ep-list">
        {shown.map((p) => (
          <div key={p.code} className="ep-list-item" data-testid="public-team-power" data-code={p.code}>
            <div className="ep-value">{p.name}</div>
            <Flex gap={4} wrap align="center">
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {p.code}
              </Typography.Text>
              <Tag style={{ marginInlineEnd: 0 }}>{isPowerType(p.type) ? t(`powers.types.${p.type}`) : p.type}</Tag>
              <Tag color="blue" style={{ marginInlineEnd: 0 }}>
                {p.modeName}
              </Tag>
            </Flex>
          </div>
        ))}
      </Flex>
      {shown.length < powers.length ? (
        <Button type="link" block onClick={() => setAll(true)} data-testid="public-team-powers-all">
          {t('enforcement.public.team.showAll', { count: powers.length })}
        </Button>
      ) : null}
    </>
  );
}

/**
 * /public/enforcement/teams/:townshipId — 事前公开 (no login): the township's 综合行政执法大队, how to reach it and to
 * complain, the officers certified today with their certificate numbers and domains, and the powers it exercises
 * today; laid out as cards and lists, for a phone.
 */
export function PublicTeamPage() {
  const { t } = useTranslation();
  const phone = usePhone();
  const { townshipId = '' } = useParams();
  const team = useQuery({
    queryKey: enforcementKeys.publicTeam(townshipId),
    queryFn: ({ signal }) => enforcementApi.publicTeam(townshipId, signal),
    enabled: !!townshipId,
  });

  if (team.isPending) return <Skeleton active />;
  if (team.isError) {
    if (isApiProblem(team.error) && (team.error.status === 404 || team.error.status === 400)) {
      return (
        <Result
          status="404"
          data-testid="not-found"
          title={t('enforcement.public.team.notFound')}
          extra={
            <Link to="/public/enforcement/disclosures">
              <Button type="primary">{t('enforcement.public.title')}</Button>
            </Link>
          }
        />
      );
    }
    return <ProblemAlert error={team.error} />;
  }
  const x = team.data;
  return (
    <div style={{ maxWidth: 880, margin: '0 auto' }} data-testid="public-team-page">
      <Typography.Title level={phone ? 4 : 3} style={{ marginTop: 0, marginBottom: 4 }} data-testid="public-team-name">
        {x.name}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{x.townshipName}</Typography.Paragraph>

      <Card size="small" title={t('enforcement.public.team.contact')} style={{ marginBottom: 16 }}>
        <Flex vertical gap={8}>
          {x.phone ? (
            <a href={`tel:${x.phone}`} data-testid="public-team-phone">
              <Button icon={<PhoneOutlined />} block={phone}>
                {t('enforcement.public.team.phone')} {x.phone}
              </Button>
            </a>
          ) : null}
          {x.address ? (
            <span className="ep-value" data-testid="public-team-address">
              <EnvironmentOutlined /> {x.address}
            </span>
          ) : null}
          <Link to={publicEnforcementPath(x.townshipId)} data-testid="public-team-disclosures">
            <Button icon={<FileSearchOutlined />} block={phone}>
              {t('enforcement.public.team.disclosures')}
            </Button>
          </Link>
        </Flex>
      </Card>

      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('enforcement.public.team.complaints')}
        description={<span className="ep-value" data-testid="public-team-complaints">{x.complaints}</span>}
      />

      <Typography.Title level={5} data-testid="public-team-officers-title">
        {t('enforcement.public.team.officers', { count: x.officers.length })}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('enforcement.public.team.officersHint')}</Typography.Paragraph>
      {x.officers.length === 0 ? (
        <Empty description={t('enforcement.public.team.noOfficers')} />
      ) : (
        <div className="ep-grid" data-testid="public-team-officers">
          {x.officers.map((o) => (
            <OfficerCard key={o.certificateNumber} o={o} />
          ))}
        </div>
      )}

      <Card
        size="small"
        title={t('enforcement.public.team.powers', { count: x.powers.length })}
        style={{ marginTop: 16 }}
        data-testid="public-team-powers"
      >
        <Typography.Paragraph type="secondary">{t('enforcement.public.team.powersHint')}</Typography.Paragraph>
        <PowerList powers={x.powers} />
      </Card>
    </div>
  );
}
