import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { CaseStatus } from '../api/use-cases';

/** What the feedback feature's tab gets from the case page. */
export interface FeedbackFormsSlotContext {
  cellId: string;
  caseId: string;
  caseCode: string;
  caseStatus: CaseStatus;
  userId: string;
  chair: boolean;
  informationOfficer: boolean;
  personName: (userId: string) => string;
}

/**
 * The "feedback forms" tab. The feedback feature is another bounded context, so the case page does
 * not import it: `src/app` passes its editor in as `renderFeedbackForms` (see `CaseView`); without
 * it this marked, empty section shows.
 */
export function FeedbackFormsSlot({
  render,
  context,
}: {
  render?: ((context: FeedbackFormsSlotContext) => ReactNode) | undefined;
  context: FeedbackFormsSlotContext;
}) {
  const { t } = useTranslation();
  if (render !== undefined) return <>{render(context)}</>;
  return (
    <p className="muted" data-slot="feedback-forms">
      {t('cases.feedbackSlot')}
    </p>
  );
}
