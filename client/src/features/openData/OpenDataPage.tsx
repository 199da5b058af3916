import { App as AntApp, Button, Card, DatePicker, Flex, Result, Select, Skeleton, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import dayjs from 'dayjs';
import { PageHeader } from '../../components/PageHeader';
import { ProblemAlert } from '../../components/ProblemAlert';
import { useCurrentUser } from '../../lib/auth/useAuth';
import { pickCounty, usePublicCounties } from '../../lib/publicCounties';
import { saveFile } from '../../lib/saveFile';
import { useSearchFilters } from '../../lib/useSearchFilters';
import { OPEN_DATA_KEY_PATH, openDataApi } from './api';
import { PACKAGE_FILES, canDownloadOpenData, effectiveMonth, isClosedMonth, ownCounty } from './model';

const FIELD = { width: '100%', maxWidth: 280 } as const;

/**
 * 数据开放包: a county's signed package of a closed month (CSV + data dictionary + signed manifest), downloaded by
 * the county's own users or by the province for any county, and how anybody checks it with standard tools.
 */
export function OpenDataPage() {
  const { t } = useTranslation();
  const me = useCurrentUser();
  if (!canDownloadOpenData(me)) {
    return (
      <Card>
        <Result
          status="403"
          data-testid="forbidden"
          title={t('common.forbidden')}
          subTitle={t('openData.countyOnly')}
        />
      </Card>
    );
  }
  return (
    <>
      <PageHeader title={t('openData.title')} subtitle={t('openData.subtitle')} />
      <DownloadCard />
      <VerifyCard />
    </>
  );
}

function DownloadCard() {
  const { t } = useTranslation();
  const { message } = AntApp.useApp();
  const me = useCurrentUser();
  const own = ownCounty(me);
  const [filters, setFilters] = useSearchFilters(['county', 'month'] as const);
  const month = effectiveMonth(filters.month);
  // a province-level user picks the county (the public list of counties); a county's user has their own
  const counties = usePublicCounties();
  const countyId = own ?? pickCounty(counties.data ?? [], filters.county, undefined);

  const download = useMutation({
    mutationFn: ({ county, m }: { county: string; m: string }) => openDataApi.downloadPackage(county, m),
    onSuccess: ({ blob, filename }, { m }) => {
      const name = filename ?? `open-data-${m}.zip`;
      saveFile(blob, name);
      void message.success(t('openData.downloaded', { file: name }));
    },
  });

  return (
    <Card title={t('openData.downloadTitle')} style={{ marginBottom: 16 }}>
      <Flex gap={16} wrap align="flex-end" data-testid="open-data-form">
        <Flex vertical gap={4} style={FIELD}>
          <Typography.Text type="secondary">{t('openData.county')}</Typography.Text>
          {own ? (
            <Typography.Text strong data-testid="open-data-county" data-id={own}>
              {me.regionName}
            </Typography.Text>
          ) : counties.isPending ? (
            <Skeleton.Input active size="small" />
          ) : (
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              value={countyId}
              placeholder={t('openData.pickCounty')}
              options={(counties.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
              onChange={(v: string) => {
                download.reset();
                setFilters({ county: v });
              }}
              style={{ width: '100%' }}
              data-testid="open-data-county-select"
            />
          )}
        </Flex>
        <Flex vertical gap={4} style={FIELD}>
          <Typography.Text type="secondary">{t('openData.month')}</Typography.Text>
          <DatePicker
            picker="month"
            allowClear={false}
            inputReadOnly
            value={dayjs(`${month}-01`)}
            disabledDate={(d) => !isClosedMonth(d.format('YYYY-MM'))}
            onChange={(d) => {
              download.reset();
              setFilters({ month: d?.format('YYYY-MM') });
            }}
            style={{ width: '100%' }}
            data-testid="open-data-month"
            data-month={month}
          />
        </Flex>
        <Button
          type="primary"
          icon={<DownloadOutlined />}
          disabled={!countyId}
          loading={download.isPending}
          onClick={() => countyId && download.mutate({ county: countyId, m: month })}
          data-testid="open-data-download"
        >
          {t('openData.download')}
        </Button>
      </Flex>
      <Typography.Paragraph type="secondary" style={{ margin: '12px 0 0' }}>
        {t('openData.closedOnly')}
      </Typography.Paragraph>
      {counties.isError && !own ? <ProblemAlert error={counties.error} style={{ marginTop: 12 }} /> : null}
      {download.error ? (
        <ProblemAlert error={download.error} testId="open-data-error" style={{ marginTop: 12 }} />
      ) : null}
    </Card>
  );
}

function VerifyCard() {
  const { t } = useTranslation();
  const keyUrl = `${window.location.origin}${OPEN_DATA_KEY_PATH}`;
  const commands = [
    `curl -o governance-open-data-key.pem ${keyUrl}`,
    'unzip open-data-<县代码>-<YYYY-MM>.zip -d open-data && cd open-data',
    'openssl dgst -sha256 -verify ../governance-open-data-key.pem -signature manifest.sig manifest.sha256',
    'sha256sum -c manifest.sha256',
  ].join('\n');
  return (
    <Card title={t('openData.verifyTitle')} data-testid="open-data-verify">
      <Typography.Paragraph>{t('openData.verifyIntro')}</Typography.Paragraph>
      <ul style={{ margin: 0, paddingInlineStart: 20 }} data-testid="open-data-files">
        {PACKAGE_FILES.map((file) => (
          <li key={file.name} data-testid="open-data-file" data-file={file.name} style={{ marginBottom: 4 }}>
            <Typography.Text code style={{ wordBreak: 'break-all' }}>
              {file.name}
            </Typography.Text>{' '}
            <Typography.Text type="secondary">{t(`openData.files.${file.key}`)}</Typography.Text>
          </li>
        ))}
      </ul>
      <Typography.Paragraph style={{ marginTop: 16 }}>
        {t('openData.publicKey')}{' '}
        <Typography.Link
          href={OPEN_DATA_KEY_PATH}
          target="_blank"
          rel="noopener"
          style={{ wordBreak: 'break-all' }}
          data-testid="open-data-key-link"
        >
          {keyUrl}
        </Typography.Link>
      </Typography.Paragraph>
      <Typography.Paragraph>{t('openData.commandsIntro')}</Typography.Paragraph>
      <Typography.Paragraph
        copyable={{ text: commands, tooltips: [t('common.copy'), t('common.copied')] }}
        data-testid="open-data-commands"
        style={{ display: 'flex', alignItems: 'flex-start', gap: 8 }}
      >
        <pre
          style={{
            flex: 1,
            minWidth: 0,
            margin: 0,
            whiteSpace: 'pre-wrap',
            wordBreak: 'break-all',
            fontSize: 13,
          }}
        >
          {commands}
        </pre>
      </Typography.Paragraph>
      <Typography.Paragraph type="secondary">{t('openData.commandsOutcome')}</Typography.Paragraph>
    </Card>
  );
}
