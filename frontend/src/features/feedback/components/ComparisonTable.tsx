import { useTranslation } from 'react-i18next';

import type { FieldChange } from '../model/content';
import { FieldLabel, ValueText } from './ValueText';

interface ComparisonTableProps {
  changes: readonly FieldChange[];
  caption: string;
  before: string;
  after: string;
}

/** What changed between two versions, field by field: before and after in words. */
export function ComparisonTable({ changes, caption, before, after }: ComparisonTableProps) {
  const { t } = useTranslation();
  if (changes.length === 0) {
    return (
      <p className="notice" role="status">
        {caption}: {t('feedback.compare.none')}
      </p>
    );
  }
  return (
    <div className="table-scroll">
      <table className="table comparison">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('feedback.compare.field')}</th>
            <th scope="col">{before}</th>
            <th scope="col">{after}</th>
          </tr>
        </thead>
        <tbody>
          {changes.map((change) => (
            <tr key={change.field}>
              <th scope="row">
                <FieldLabel field={change.field} />
              </th>
              <td className="comparison__old">
                <ValueText field={change.field} value={change.old} />
              </td>
              <td className="comparison__new">
                <ValueText field={change.field} value={change.new} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
