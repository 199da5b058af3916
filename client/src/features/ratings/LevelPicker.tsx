import { FrownFilled, FrownOutlined, MehOutlined, SmileFilled, SmileOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { RatingLevel } from '../../lib/api/types';
import { levelColor, RATING_LEVELS } from './model';
import './ratings.css';

const FACES: Record<RatingLevel, React.ReactNode> = {
  5: <SmileFilled />,
  4: <SmileOutlined />,
  3: <MehOutlined />,
  2: <FrownOutlined />,
  1: <FrownFilled />,
};

/**
 * The five big faces of the rating pad, 非常满意 first. A form control (value / onChange), so it sits in a Form.Item
 * of the window pad and of the public page alike.
 */
export function LevelPicker({
  value,
  onChange,
  disabled = false,
}: {
  value?: RatingLevel | null;
  onChange?: (level: RatingLevel) => void;
  disabled?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <div className="rt-faces" role="radiogroup" aria-label={t('ratings.fields.level')} data-testid="rating-levels">
      {RATING_LEVELS.map((level) => {
        const selected = value === level;
        return (
          <button
            key={level}
            type="button"
            role="radio"
            aria-checked={selected}
            disabled={disabled}
            className={`rt-face${selected ? ' rt-face-selected' : ''}`}
            style={{ color: levelColor(level) }}
            onClick={() => onChange?.(level)}
            data-testid={`rating-level-${level}`}
            data-selected={selected}
          >
            {FACES[level]}
            <span>{t(`ratings.levels.${level}`)}</span>
          </button>
        );
      })}
    </div>
  );
}
