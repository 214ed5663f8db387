import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ProblemMessage } from '@/components/ProblemMessage';

import { useOversightCells } from '../api/use-oversight';

interface OversightCellsProps {
  /** The cells to offer; every cell the user sees when absent (platform roles). */
  cellIds?: readonly string[] | undefined;
}

/** Per cell, the way to its figures and to its evidence pack. */
export function OversightCells({ cellIds }: OversightCellsProps) {
  const { t } = useTranslation();
  const cells = useOversightCells();
  if (cells.isError) return <ProblemMessage error={cells.error} />;
  if (cells.data === undefined) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }
  const shown = cells.data.items.filter((cell) => cellIds === undefined || cellIds.includes(cell.id));
  if (shown.length === 0) return <p>{t('oversight.chooser.none')}</p>;
  return (
    <table className="table">
      <caption className="visually-hidden">{t('oversight.chooser.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('oversight.chooser.col.cell')}</th>
          <th scope="col">{t('oversight.chooser.col.figures')}</th>
          <th scope="col">{t('oversight.chooser.col.evidence')}</th>
        </tr>
      </thead>
      <tbody>
        {shown.map((cell) => (
          <tr key={cell.id}>
            <th scope="row">{cell.name}</th>
            <td>
              <Link to={`/cells/${cell.id}/oversight`} aria-label={t('oversight.chooser.figuresOf', { cell: cell.name })}>
                {t('oversight.chooser.figures')}
              </Link>
            </td>
            <td>
              <Link to={`/cells/${cell.id}/evidence`} aria-label={t('oversight.chooser.evidenceOf', { cell: cell.name })}>
                {t('oversight.chooser.evidence')}
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
