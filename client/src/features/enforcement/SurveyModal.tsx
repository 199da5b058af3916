import { DatePicker, Form, Input, InputNumber, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import type { EnforcementSurvey, EnforcementTeam } from '../../lib/api/types';
import { useFormSend } from '../../lib/useFormSend';
import { countyToday } from '../../lib/dates';
import { FormModal } from '../../components/FormModal';
import { surveyApi } from './surveyApi';
import { useRequiredRule } from './formRules';
import { correctionValues, surveyBody, SURVEY_FIELDS, SURVEY_METHODS, type SurveyValues } from './surveyModel';

interface Props {
  /** The record a 更正 replaces; undefined: a new survey. */
  corrects: EnforcementSurvey | undefined;
  teams: readonly EnforcementTeam[];
  teamsLoading: boolean;
  onClose: () => void;
  onSaved: (saved: EnforcementSurvey) => void;
}

/** The record being corrected, in words (the form's `correctsId`: its field errors are shown under it). */
function CorrectedRecord({ survey }: { survey: EnforcementSurvey }) {
  const { t } = useTranslation();
  return (
    <Typography.Text data-testid="survey-form-corrects">
      {t('enforcementSurveys.original', {
        date: survey.surveyedOn,
        method: survey.methodName,
        satisfied: survey.satisfied,
        respondents: survey.respondents,
      })}
    </Typography.Text>
  );
}

/**
 * 登记调查 (enforcement.supervise): a team's survey — date, method, respondents and how many were satisfied. A 更正
 * is the same form started from the record it corrects (its team fixed), sent with `correctsId`: records are never
 * changed. A 400's field errors go under the fields.
 */
export function SurveyModal({ corrects, teams, teamsLoading, onClose, onSaved }: Props) {
  const { t } = useTranslation();
  const rule = useRequiredRule();
  const [form] = Form.useForm<SurveyValues>();
  const send = useFormSend(form, {
    send: (v: SurveyValues) => surveyApi.record(surveyBody({ ...v, correctsId: corrects?.id })),
    onSuccess: onSaved,
    fields: SURVEY_FIELDS,
  });
  const f = (k: 'team' | 'surveyedOn' | 'method' | 'respondents' | 'satisfied' | 'note' | 'corrects') =>
    t(`enforcementSurveys.fields.${k}`);
  const today = dayjs(countyToday());

  return (
    <FormModal<SurveyValues>
      open
      form={form}
      send={send}
      name="survey"
      initialValues={corrects ? correctionValues(corrects) : { surveyedOn: today }}
      title={corrects ? t('enforcementSurveys.correctTitle') : t('enforcementSurveys.recordTitle')}
      okButtonProps={{ 'data-testid': 'survey-submit' }}
      onCancel={onClose}
      destroyOnHidden
      width={560}
      intro={
        corrects ? (
          <Typography.Paragraph type="secondary" data-testid="survey-form-intro">
            {t('enforcementSurveys.correctIntro', {
              date: corrects.surveyedOn,
              team: corrects.teamName,
              satisfied: corrects.satisfied,
              respondents: corrects.respondents,
            })}
          </Typography.Paragraph>
        ) : null
      }
      data-testid="survey-modal"
    >
      {corrects ? (
        <Form.Item name="correctsId" label={f('corrects')}>
          <CorrectedRecord survey={corrects} />
        </Form.Item>
      ) : null}
      <Form.Item name="teamId" label={f('team')} rules={[rule(f('team'))]}>
        <Select
          showSearch={{ optionFilterProp: 'label' }}
          disabled={!!corrects}
          loading={teamsLoading}
          options={teams.map((x) => ({ value: x.id, label: x.name }))}
          data-testid="survey-form-team"
        />
      </Form.Item>
      <Form.Item
        name="surveyedOn"
        label={f('surveyedOn')}
        rules={[
          rule(f('surveyedOn')),
          {
            validator: (_, value: Dayjs | undefined) =>
              !value || !value.isAfter(today, 'day')
                ? Promise.resolve()
                : Promise.reject(new Error(t('enforcementSurveys.futureDate'))),
          },
        ]}
      >
        <DatePicker
          style={{ width: '100%' }}
          disabledDate={(d) => d.isAfter(today, 'day')}
          data-testid="survey-form-date"
        />
      </Form.Item>
      <Form.Item name="method" label={f('method')} rules={[rule(f('method'))]}>
        <Select
          options={SURVEY_METHODS.map((m) => ({ value: m, label: t(`enforcementSurveys.methods.${m}`) }))}
          data-testid="survey-form-method"
        />
      </Form.Item>
      <Form.Item name="respondents" label={f('respondents')} rules={[rule(f('respondents'))]}>
        <InputNumber
          min={1}
          max={100000}
          precision={0}
          style={{ width: '100%' }}
          data-testid="survey-form-respondents"
        />
      </Form.Item>
      <Form.Item
        name="satisfied"
        label={f('satisfied')}
        dependencies={['respondents']}
        rules={[
          rule(f('satisfied')),
          ({ getFieldValue }) => ({
            validator: (_, value: number | null | undefined) => {
              const respondents = getFieldValue('respondents') as number | null | undefined;
              return value === null || value === undefined || respondents === null || respondents === undefined || value <= respondents
                ? Promise.resolve()
                : Promise.reject(new Error(t('enforcementSurveys.satisfiedTooMany')));
            },
          }),
        ]}
      >
        <InputNumber min={0} max={100000} precision={0} style={{ width: '100%' }} data-testid="survey-form-satisfied" />
      </Form.Item>
      <Form.Item name="note" label={f('note')}>
        <Input.TextArea maxLength={500} autoSize={{ minRows: 2 }} data-testid="survey-form-note" />
      </Form.Item>
    </FormModal>
  );
}
