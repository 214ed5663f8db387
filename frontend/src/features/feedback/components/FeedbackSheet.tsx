import { useTranslation } from 'react-i18next';

import { CRITERIA, explanationField, scoreField, type FeedbackContent } from '../model/content';
import { ValueText } from './ValueText';

interface FeedbackSheetProps {
  content: FeedbackContent;
  /** The heading level of the sections (under the form's own heading). */
  level: 'h4' | 'h5';
}

/** One version of the form to read (and to print): the criteria of R-FB-1 in the guidance's order. */
export function FeedbackSheet({ content, level: Heading }: FeedbackSheetProps) {
  const { t } = useTranslation();
  return (
    <div className="feedback-sheet">
      {CRITERIA.map((criterion) => (
        <section key={criterion} className="feedback-sheet__part">
          <Heading>{t(`feedback.criterion.${criterion}`)}</Heading>
          <p className="feedback-sheet__score">
            <span className="feedback-sheet__label">{t('feedback.sheet.score')}</span>{' '}
            <ValueText field={scoreField(criterion)} value={content[scoreField(criterion)]} />
          </p>
          <p className="feedback-text">{content[explanationField(criterion)]}</p>
        </section>
      ))}
      <section className="feedback-sheet__part">
        <Heading>{t('feedback.criterion.followUp')}</Heading>
        <dl className="feedback-sheet__facts">
          <div>
            <dt>{t('feedback.field.followUpStillUseful')}</dt>
            <dd>
              <ValueText field="followUpStillUseful" value={content.followUpStillUseful} />
            </dd>
          </div>
          <div>
            <dt>{t('feedback.field.cellHasEnoughOptions')}</dt>
            <dd>
              <ValueText field="cellHasEnoughOptions" value={content.cellHasEnoughOptions} />
            </dd>
          </div>
        </dl>
        <p className="feedback-text">{content.followUpExplanation}</p>
      </section>
      <section className="feedback-sheet__part">
        <Heading>{t('feedback.criterion.other')}</Heading>
        <p className="feedback-text">
          <ValueText field="otherElements" value={content.otherElements} />
        </p>
      </section>
      <section className="feedback-sheet__part feedback-sheet__part--key">
        <Heading>{t('feedback.criterion.keyAssessment')}</Heading>
        <p className="feedback-sheet__score">
          <strong>
            <ValueText field="ableAndWillingToCommitTerroristActs" value={content.ableAndWillingToCommitTerroristActs} />
          </strong>
        </p>
        <p className="feedback-text">{content.keyAssessmentMotivation}</p>
      </section>
    </div>
  );
}
