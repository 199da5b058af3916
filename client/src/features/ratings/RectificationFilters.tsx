import { Button, Flex, Select, Switch } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RectificationState } from '../../lib/api/types';
import { ratingsApi } from './api';
import { CentreSelect } from './CentreSelect';
import { RECTIFICATION_STATES, type RectificationFilter, type RectificationFilterKey } from './model';

interface Props {
  filter: RectificationFilter;
  onChange: (patch: Partial<Record<RectificationFilterKey, string | undefined>>) => void;
}

/** 差评整改's filters (state, the centre answering for it, overdue) and the export of what they select. */
export function RectificationFilters({ filter, onChange }: Props) {
  const { t } = useTranslation();

  return (
    <Flex gap={16} wrap align="center" style={{ marginBottom: 16 }} data-testid="rectifications-filters">
      <Select<RectificationState>
        allowClear
        placeholder={t('ratings.rectifications.allStates')}
        value={filter.state}
        onChange={(v) => onChange({ state: v })}
        options={RECTIFICATION_STATES.map((s) => ({
          value: s,
          label: <span data-testid={`rectification-state-option-${s}`}>{t(`ratings.states.${s}`)}</span>,
        }))}
        style={{ minWidth: 140 }}
        data-testid="rectifications-state-filter"
      />
      <CentreSelect value={filter.centreId} onChange={(v) => onChange({ centreId: v })} />
      <Flex gap={8} align="center">
        <Switch
          checked={filter.overdue === true}
          onChange={(on) => onChange({ overdue: on ? 'true' : undefined })}
          data-testid="rectifications-overdue-filter"
        />
        <span style={{ color: '#cf1322' }}>{t('ratings.rectifications.overdueOnly')}</span>
      </Flex>
      <Flex gap={8} style={{ marginLeft: 'auto' }}>
        <Button
          icon={<DownloadOutlined />}
          href={ratingsApi.exportUrl('csv', filter)}
          data-testid="rectifications-export-csv"
        >
          {t('ratings.rectifications.exportCsv')}
        </Button>
        <Button
          icon={<DownloadOutlined />}
          href={ratingsApi.exportUrl('xlsx', filter)}
          data-testid="rectifications-export-xlsx"
        >
          {t('ratings.rectifications.exportXlsx')}
        </Button>
      </Flex>
    </Flex>
  );
}
