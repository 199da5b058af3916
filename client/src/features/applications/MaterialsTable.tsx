import { useTranslation } from 'react-i18next';
import type { ApplicationMaterial, MaterialForm, MaterialStatus } from '../../lib/api/types';

type Word = 'name' | 'form' | 'status' | 'required' | 'optional' | 'copiesHeader' | MaterialForm | MaterialStatus;

/**
 * The materials of a notice or receipt as a plain table for print: name, the form the guide asks for, copies,
 * required or not, and one more column — the status (一次性告知书), the form asked for (补正通知书) or how it was
 * received (收件清单, 受理回执).
 */
export function MaterialsTable({
  materials,
  show,
}: {
  materials: readonly ApplicationMaterial[];
  show: 'status' | 'form' | 'receivedForm';
}) {
  const { t } = useTranslation();
  const m = (word: Word) => t(`applications.materials.${word}`);
  return (
    <table className="ap-materials" data-testid="notice-materials">
      <thead>
        <tr>
          <th>{m('name')}</th>
          <th>{show === 'receivedForm' ? t('applications.notices.receivedForm') : m('form')}</th>
          <th>{m('copiesHeader')}</th>
          <th>{m('required')}</th>
          {show === 'status' ? <th>{m('status')}</th> : null}
        </tr>
      </thead>
      <tbody>
        {materials.map((x) => (
          <tr key={x.name} data-testid="notice-material" data-status={x.status}>
            <td>{x.name}</td>
            <td>{m(show === 'receivedForm' && x.receivedForm ? x.receivedForm : x.form)}</td>
            <td>{x.copies}</td>
            <td>{x.required ? m('required') : m('optional')}</td>
            {show === 'status' ? <td>{m(x.status)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
