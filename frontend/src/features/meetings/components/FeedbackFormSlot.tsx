import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

import type { AgendaItem, Meeting } from '../api/use-meetings';

/** What the feedback-form approval panel gets for an item with purpose `feedbackForm`. */
export interface FeedbackFormSlotContext {
  meeting: Meeting;
  item: AgendaItem;
  /** The user chairs this meeting's table. */
  chair: boolean;
  /** The user is checked in and confirmed the secrecy (R-PRIV-4): counted for consensus (R-FB-2). */
  present: boolean;
}

/**
 * PLACEHOLDER — the approval panel of the feedback form (R-FB-1 … R-FB-3) goes here. The feedback
 * feature is another bounded context, so the meeting room does not import it: `src/app` passes its
 * panel in as `renderFeedbackForm` (see `MeetingRoom`); until then this marked, empty section shows.
 */
export function FeedbackFormSlot({ render, context }: { render?: ((context: FeedbackFormSlotContext) => ReactNode) | undefined; context: FeedbackFormSlotContext }) {
  const { t } = useTranslation();
  if (render !== undefined) return <>{render(context)}</>;
  return (
    <section className="panel feedback-slot" data-slot="feedback-form-approval" aria-labelledby={`feedback-slot-${context.item.id}`}>
      <h4 id={`feedback-slot-${context.item.id}`}>{t('meetings.feedbackSlot.title')}</h4>
      <p className="muted">{t('meetings.feedbackSlot.body')}</p>
    </section>
  );
}
