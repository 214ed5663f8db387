import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';

import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { useUpdateCell, type Cell } from '../api/use-cells';
import { durationToDays } from '../model/duration';

interface CellActivationProps {
  cell: Cell;
  /** What happened, for the list's live region. */
  onChanged: (message: string) => void;
}

/**
 * The platform administrator deactivates a cell (or reactivates it) after a confirmation that says
 * what it means: the members lose access at once, the data stays until the retention runs out.
 * A modal `<dialog>` keeps focus inside until it is answered and gives it back afterwards.
 */
export function CellActivation({ cell, onChanged }: CellActivationProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const dialog = useRef<HTMLDialogElement>(null);
  const update = useUpdateCell(cell.id);
  const id = useId();
  const titleId = `${id}-title`;
  const bodyId = `${id}-body`;
  const deactivating = cell.active;
  const days = durationToDays(cell.retention);
  const retention =
    days === null ? cell.retention : t('cells.retention.summary', { days: format.number(days), iso: cell.retention });
  const action = deactivating ? t('cells.activation.deactivate') : t('cells.activation.reactivate');

  function confirm() {
    update.mutate(
      { active: !deactivating },
      {
        onSuccess(changed) {
          dialog.current?.close();
          onChanged(
            changed.active
              ? t('cells.activation.reactivated', { name: changed.name })
              : t('cells.activation.deactivated', { name: changed.name }),
          );
        },
      },
    );
  }

  return (
    <>
      <button
        type="button"
        className="button button--secondary button--small"
        aria-label={`${action}: ${cell.name}`}
        aria-haspopup="dialog"
        onClick={() => {
          update.reset();
          dialog.current?.showModal();
        }}
      >
        {action}
      </button>
      <dialog ref={dialog} className="dialog" aria-labelledby={titleId} aria-describedby={bodyId}>
        <h2 id={titleId}>
          {deactivating
            ? t('cells.activation.deactivateTitle', { name: cell.name })
            : t('cells.activation.reactivateTitle', { name: cell.name })}
        </h2>
        <p id={bodyId}>
          {deactivating ? t('cells.activation.deactivateBody', { retention }) : t('cells.activation.reactivateBody')}
        </p>
        {update.isError && <ProblemMessage error={update.error} />}
        <div className="form__actions">
          <button
            type="button"
            className={deactivating ? 'button button--danger' : 'button'}
            disabled={update.isPending}
            onClick={confirm}
          >
            {deactivating ? t('cells.activation.deactivateConfirm') : t('cells.activation.reactivateConfirm')}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              dialog.current?.close();
            }}
          >
            {t('common.cancel')}
          </button>
        </div>
      </dialog>
    </>
  );
}
