import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { CheckIcon, CrossIcon } from '@/components/icons';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { useCells } from '../api/use-cells';
import { CellActivation } from './CellActivation';

interface CellListProps {
  /** The platform administrator sets cells up… */
  canCreate: boolean;
  /** …and deactivates or reactivates them. */
  canActivate?: boolean;
}

/** The cells the user may see (every cell for the platform administrator), with their state. */
export function CellList({ canCreate, canActivate = false }: CellListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const cells = useCells();
  const [changed, setChanged] = useState('');

  return (
    <>
      {canCreate && (
        <p>
          <Link className="button" to="/cells/new">
            {t('cells.list.new')}
          </Link>
        </p>
      )}
      {cells.isError && <ProblemMessage error={cells.error} />}
      {cells.isPending && (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {cells.data !== undefined &&
        (cells.data.items.length === 0 ? (
          <p>{t('cells.list.empty')}</p>
        ) : (
          <table className="table">
            <caption className="visually-hidden">{t('cells.list.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('cells.list.col.name')}</th>
                <th scope="col">{t('cells.list.col.municipalities')}</th>
                <th scope="col">{t('cells.list.col.language')}</th>
                <th scope="col">{t('cells.list.col.state')}</th>
                {canActivate && <th scope="col">{t('cells.list.col.actions')}</th>}
              </tr>
            </thead>
            <tbody>
              {cells.data.items.map((cell) => (
                <tr key={cell.id}>
                  <td>
                    <Link to={`/cells/${cell.id}`}>{cell.name}</Link>
                  </td>
                  <td>
                    {format.list(cell.municipalities.map((m) => `${m.name} (${m.nisCode})`))}
                  </td>
                  <td>{t(`vocab.workingLanguage.${cell.workingLanguage}`)}</td>
                  <td>
                    {cell.active ? (
                      <span className="outcome outcome--success">
                        <CheckIcon className="outcome__icon" />
                        {t('cells.list.active')}
                      </span>
                    ) : (
                      <span className="outcome outcome--failure">
                        <CrossIcon className="outcome__icon" />
                        {t('cells.list.inactive')}
                      </span>
                    )}
                  </td>
                  {canActivate && (
                    <td>
                      <CellActivation cell={cell} onChanged={setChanged} />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        ))}
      <p className="notice" role="status">
        {changed}
      </p>
    </>
  );
}
