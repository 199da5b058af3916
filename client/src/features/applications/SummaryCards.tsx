import { Card, Col, Row, Statistic } from 'antd';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { ProblemAlert } from '../../components/ProblemAlert';
import { countyToday } from '../../lib/dates';
import { useApplicationSummary } from './hooks';
import { summaryLink, summaryTone, SUMMARY_KEYS } from './model';
import './applications.css';

const TONE_COLOR = { danger: '#cf1322', warning: '#d46b08' } as const;

/** 在办 · 已超期 · 临近到期 · 补正中 · 今日接件 · 今日办结 — each a click away from the list it counts. */
export function SummaryCards() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const summary = useApplicationSummary();
  if (summary.isError) return <ProblemAlert error={summary.error} style={{ marginBottom: 16 }} />;
  const today = countyToday();
  return (
    <Row gutter={[12, 12]} style={{ marginBottom: 16 }} data-testid="summary-cards">
      {SUMMARY_KEYS.map((key) => {
        const value = summary.data?.[key] ?? 0;
        const tone = summaryTone(key, value);
        return (
          <Col key={key} xs={12} md={8} xl={4}>
            <Card
              size="small"
              hoverable
              className={`ap-stat-card${tone ? ` ap-stat-${tone}` : ''}`}
              onClick={() => void navigate(summaryLink(key, today))}
              data-testid={`summary-${key}`}
              data-value={summary.data ? value : undefined}
            >
              <Statistic
                title={t(`applications.summary.${key}`)}
                value={value}
                loading={summary.isPending}
                styles={{ content: tone ? { color: TONE_COLOR[tone] } : undefined }}
              />
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}
