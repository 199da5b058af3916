import { Button } from 'antd';
import { FileTextOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { Application } from '../../lib/api/types';
import { noticesFor } from './materials';

/** Buttons opening the application's printable notices (一次性告知书, 补正通知书 while suspended, 收件清单). */
export function NoticeLinks({ application: a }: { application: Application }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return noticesFor(a).map((kind) => (
    <Button
      key={kind}
      icon={<FileTextOutlined />}
      onClick={() => void navigate(`/services/applications/${a.id}/notices/${kind}`)}
      data-testid={`notice-link-${kind}`}
    >
      {t(`applications.notices.${kind}`)}
    </Button>
  ));
}
