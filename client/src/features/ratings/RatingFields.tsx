import { Form, Input } from 'antd';
import { useTranslation } from 'react-i18next';
import { LevelPicker } from './LevelPicker';

interface Props {
  /** The chosen level is a bad one (不满意 or worse): the comment becomes required. */
  bad: boolean;
  disabled: boolean;
  /** The level's label: the public page names the field, the window pad's prompt already asks for it. */
  levelLabel?: string;
  commentRows: { minRows: number; maxRows: number };
  commentTestId: string;
}

/** The level and comment of a rating, with the same rules on the window pad and the public rating page. */
export function RatingFields({ bad, disabled, levelLabel, commentRows, commentTestId }: Props) {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="level" label={levelLabel} rules={[{ required: true, message: t('ratings.pad.pickLevel') }]}>
        <LevelPicker disabled={disabled} />
      </Form.Item>
      <Form.Item
        name="comment"
        label={bad ? t('ratings.pad.commentBad') : t('ratings.pad.comment')}
        rules={bad ? [{ required: true, whitespace: true, message: t('ratings.pad.commentRequired') }] : []}
        dependencies={['level']}
      >
        <Input.TextArea
          maxLength={500}
          showCount
          autoSize={commentRows}
          placeholder={t('ratings.pad.commentPlaceholder')}
          data-testid={commentTestId}
        />
      </Form.Item>
    </>
  );
}
