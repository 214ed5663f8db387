import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import { ProblemMessage } from '@/components/ProblemMessage';

import { needsAcknowledgement, useCellOrganisations, useCellTables, useMyActions } from '../api/use-cases';
import { ActionProgressForm } from './ActionProgressForm';
import { ActionSummary } from './PlanPanel';
import { TermsGate } from './TermsGate';

/** The open actions my organisation carries, over every case it takes part in, soonest due first. */
export function MyActions({ cellId, chair }: { cellId: string; chair: boolean }) {
  const { t } = useTranslation();
  const actions = useMyActions(cellId);
  const organisations = useCellOrganisations(cellId);
  const tables = useCellTables(cellId);
  const [saved, setSaved] = useState('');

  if (actions.isError && needsAcknowledgement(actions.error)) {
    return <TermsGate cellId={cellId} onAcknowledged={() => void actions.refetch()} />;
  }
  const names = new Map((organisations.data?.items ?? []).map((o) => [o.id, o.name]));
  const people = new Map((tables.data?.items ?? []).flatMap((table) => table.members).map((m) => [m.user, m.displayName]));
  const someone = t('cells.composition.someone');

  return (
    <>
      <p className="notice" role="status">
        {saved}
      </p>
      {actions.isError && <ProblemMessage error={actions.error} />}
      {actions.isPending && (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {actions.data !== undefined &&
        (actions.data.items.length === 0 ? (
          <p>{t('cases.myActions.empty')}</p>
        ) : (
          <ul className="action-list">
            {actions.data.items.map((action) => (
              <li key={action.id} className={action.overdue ? 'action action--overdue' : 'action'}>
                <p className="action__case">
                  <Link to={`/cells/${cellId}/cases/${action.case}?tab=plan`}>
                    {t('cases.myActions.case')} <code translate="no">{action.caseCode}</code>
                  </Link>
                </p>
                <ActionSummary
                  action={action}
                  carrier={names.get(action.organisation) ?? someone}
                  personName={(id) => people.get(id) ?? someone}
                />
                <ActionProgressForm
                  cellId={cellId}
                  caseId={action.case}
                  action={action}
                  chair={chair}
                  onSaved={(changed) => {
                    setSaved(
                      t('cases.myActions.saved', {
                        action: changed.description,
                        status: t(`vocab.actionStatus.${changed.status}`),
                      }),
                    );
                  }}
                />
              </li>
            ))}
          </ul>
        ))}
    </>
  );
}
