import { useRef, useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

import {
  CheckboxGroup,
  ChoiceFieldset,
  ErrorSummary,
  problemErrors,
  RadioGroup,
  SelectField,
  TextField,
  useFormErrors,
  type FormError,
} from '@/components/form';
import { WarningIcon } from '@/components/icons';
import { ProblemMessage } from '@/components/ProblemMessage';
import { isoDay } from '@/i18n/format';

import {
  useOpenCases,
  useOrganisations,
  usePlanMeeting,
  useReplanMeeting,
  useTables,
  type AgendaPurpose,
  type CaseSummary,
  type Meeting,
  type TableKind,
} from '../api/use-meetings';
import { concernsCase, PURPOSES, purposeForStatus } from '../model/decisions';
import {
  draftOf,
  PLANNER_FIELD,
  plannerFieldOf,
  plannerProblems,
  toCreate,
  toReplan,
  type AgendaDraft,
  type PlannerDraft,
} from '../model/planner';

interface Person {
  user: string;
  label: string;
}

interface AgendaItemFieldsProps {
  index: number;
  item: AgendaDraft;
  table: TableKind | '';
  cases: readonly CaseSummary[];
  /** Codes of cases already on a meeting being replanned (they may be missing from the list). */
  knownCodes: ReadonlyMap<string, string>;
  extraInvitees: readonly Person[];
  fieldError: (id: string) => string | undefined;
  onChange: (item: AgendaDraft) => void;
  onRemove: () => void;
}

function AgendaItemFields({
  index,
  item,
  table,
  cases,
  knownCodes,
  extraInvitees,
  fieldError,
  onChange,
  onRemove,
}: AgendaItemFieldsProps) {
  const { t } = useTranslation();
  const number = index + 1;
  const purposes: readonly AgendaPurpose[] = table === 'strategic' ? ['general'] : PURPOSES;
  const listed = new Set(cases.map((kase) => kase.id));
  return (
    <li className="agenda-draft">
      <ChoiceFieldset id={`agenda-${String(index)}`} legend={t('meetings.planner.item', { number })}>
        <SelectField
          id={PLANNER_FIELD.purpose(index)}
          label={t('meetings.planner.purpose')}
          error={fieldError(PLANNER_FIELD.purpose(index))}
          value={item.purpose}
          onChange={(event) => {
            const purpose = event.target.value as AgendaPurpose;
            onChange({ ...item, purpose, purposeChosen: true, invitees: concernsCase(purpose) ? item.invitees : [] });
          }}
        >
          {purposes.map((purpose) => (
            <option key={purpose} value={purpose}>
              {t(`vocab.agendaPurpose.${purpose}`)}
            </option>
          ))}
        </SelectField>
        {concernsCase(item.purpose) ? (
          <>
            <SelectField
              id={PLANNER_FIELD.case(index)}
              label={t('meetings.planner.case')}
              hint={t('meetings.planner.caseHint')}
              error={fieldError(PLANNER_FIELD.case(index))}
              value={item.caseId}
              onChange={(event) => {
                const caseId = event.target.value;
                const chosen = cases.find((kase) => kase.id === caseId);
                const followsCase = chosen !== undefined && item.purposeChosen !== true;
                onChange({ ...item, caseId, purpose: followsCase ? purposeForStatus(chosen.status) : item.purpose });
              }}
            >
              <option value="">{t('common.choose')}</option>
              {item.caseId !== '' && !listed.has(item.caseId) && (
                <option value={item.caseId}>{knownCodes.get(item.caseId) ?? item.caseId}</option>
              )}
              {cases.map((kase) => (
                <option key={kase.id} value={kase.id}>
                  {t('meetings.planner.caseOption', { code: kase.code, status: t(`vocab.caseStatus.${kase.status}`) })}
                </option>
              ))}
            </SelectField>
            {extraInvitees.length > 0 && (
              <CheckboxGroup
                id={`agenda-${String(index)}-invitees`}
                name={`agenda-${String(index)}-invitees`}
                legend={t('meetings.planner.itemInvitees')}
                hint={t('meetings.planner.itemInviteesHint')}
                choices={extraInvitees.map((person) => ({ value: person.user, label: person.label }))}
                values={item.invitees}
                onChange={(invitees) => {
                  onChange({ ...item, invitees });
                }}
              />
            )}
          </>
        ) : (
          <TextField
            id={PLANNER_FIELD.title(index)}
            label={t('meetings.planner.title')}
            hint={t('meetings.planner.titleHint')}
            error={fieldError(PLANNER_FIELD.title(index))}
            value={item.title}
            maxLength={300}
            onChange={(event) => {
              onChange({ ...item, title: event.target.value });
            }}
          />
        )}
        <button type="button" className="button button--secondary button--small agenda-draft__remove" onClick={onRemove}>
          {t('meetings.planner.removeItem', { number })}
        </button>
      </ChoiceFieldset>
    </li>
  );
}

interface MeetingPlannerProps {
  cellId: string;
  userId: string;
  /** The tables this user chairs in the cell (only a table's chair plans its meetings). */
  chairOf: readonly TableKind[];
  /** A planned meeting to change; without it a new one is planned. */
  meeting?: Meeting;
  onDone: (meeting: Meeting) => void;
  cancelTo: string;
}

function emptyDraft(table: TableKind | ''): PlannerDraft {
  return { table, date: '', startTime: '', endTime: '', place: '', onlineLink: '', invitees: [], agenda: [] };
}

/**
 * The planner (R-TAB-2, R-TAB-3): table, day and time, place or online link, the invitees chosen
 * from the table's members, and the agenda — cases from the cell's list by code, with the reason
 * they are discussed and who is invited for that item only, or general items with a title.
 */
export function MeetingPlanner({ cellId, userId, chairOf, meeting, onDone, cancelTo }: MeetingPlannerProps) {
  const { t } = useTranslation();
  const tables = useTables(cellId);
  const organisations = useOrganisations(cellId);
  const operational = chairOf.includes('operational') || meeting?.table === 'operational';
  const cases = useOpenCases(cellId, operational);
  const plan = usePlanMeeting(cellId);
  const replan = useReplanMeeting(meeting?.id ?? '');
  const [only] = chairOf;
  const [draft, setDraft] = useState<PlannerDraft>(() =>
    meeting === undefined ? emptyDraft(chairOf.length === 1 && only !== undefined ? only : '') : draftOf(meeting),
  );
  const [defaultInvitees, setDefaultInvitees] = useState(meeting === undefined);
  const nextKey = useRef(draft.agenda.length);
  const { errors, attempt, fail, fieldError } = useFormErrors();
  const pending = plan.isPending || replan.isPending;

  if (tables.isError) return <ProblemMessage error={tables.error} />;
  if (tables.data === undefined || organisations.data === undefined) {
    return (
      <p className="loading" role="status">
        {t('common.loading')}
      </p>
    );
  }

  const orgNames = new Map(organisations.data.items.map((organisation) => [organisation.id, organisation.name]));
  const membersOf = (kind: TableKind | ''): Person[] =>
    (tables.data.items.find((table) => table.kind === kind)?.members ?? [])
      .filter((member) => member.user !== userId)
      .map((member) => ({
        user: member.user,
        label: t('meetings.planner.person', { name: member.displayName, organisation: orgNames.get(member.organisation) ?? '' }),
      }))
      .sort((a, b) => a.label.localeCompare(b.label));
  const members = membersOf(draft.table);
  // A new meeting invites the whole table until the chair changes the choice.
  const invitees = defaultInvitees ? members.map((member) => member.user) : draft.invitees;
  const extraInvitees = draft.table === 'operational' ? members.filter((member) => !invitees.includes(member.user)) : [];
  const caseItems = (cases.data?.items ?? []).filter((kase) => kase.participant);
  const knownCodes = new Map(
    (meeting?.agenda ?? []).flatMap((item) => (item.case && item.caseCode ? [[item.case, item.caseCode] as const] : [])),
  );

  function update(change: Partial<PlannerDraft>) {
    setDraft((current) => ({ ...current, ...change }));
  }

  function updateItem(index: number, item: AgendaDraft) {
    setDraft((current) => ({ ...current, agenda: current.agenda.map((old, at) => (at === index ? item : old)) }));
  }

  function addItem() {
    const index = draft.agenda.length;
    const purpose: AgendaPurpose = draft.table === 'strategic' ? 'general' : 'admission';
    update({ agenda: [...draft.agenda, { key: nextKey.current, purpose, caseId: '', title: '', invitees: [] }] });
    nextKey.current += 1;
    setTimeout(() => document.getElementById(PLANNER_FIELD.purpose(index))?.focus(), 0);
  }

  function removeItem(index: number) {
    update({ agenda: draft.agenda.filter((_, at) => at !== index) });
    setTimeout(() => document.getElementById('agenda-add')?.focus(), 0);
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    const complete = { ...draft, invitees };
    const problems = plannerProblems(complete, meeting === undefined);
    if (problems.length > 0) {
      fail(
        problems.map(
          (problem): FormError => ({
            fieldId: problem.field,
            message: t(`meetings.planner.issue.${problem.code}`, { number: 'item' in problem ? problem.item + 1 : 0 }),
            rule: problem.code === 'caseAtStrategicTable' ? 'R-TAB-3' : undefined,
          }),
        ),
      );
      return;
    }
    const handlers = {
      onSuccess: onDone,
      onError(error: unknown) {
        fail(problemErrors(error, plannerFieldOf, t('problem.generic')));
      },
    };
    if (meeting === undefined) plan.mutate(toCreate(complete), handlers);
    else replan.mutate(toReplan(complete), handlers);
  }

  return (
    <>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form form--wide planner" noValidate onSubmit={onSubmit} aria-busy={pending}>
        {meeting === undefined && chairOf.length > 1 ? (
          <RadioGroup
            id="meeting-table"
            name="table"
            legend={t('meetings.planner.table')}
            error={fieldError(PLANNER_FIELD.table)}
            choices={chairOf.map((kind) => ({ value: kind, label: t(`vocab.tableKind.${kind}`) }))}
            value={draft.table}
            onChange={(table) => {
              setDefaultInvitees(true);
              update({
                table,
                agenda: table === 'strategic' ? draft.agenda.map((item) => ({ ...item, purpose: 'general', caseId: '', invitees: [] })) : draft.agenda,
              });
            }}
          />
        ) : (
          draft.table !== '' && <p className="planner__table">{t('meetings.planner.tableIs', { table: t(`vocab.tableKind.${draft.table}`) })}</p>
        )}
        {draft.table === 'strategic' && (
          <p className="guide">
            <WarningIcon className="guide__icon" />
            {t('meetings.planner.strategicGuide')}
          </p>
        )}
        <fieldset className="fieldset">
          <legend className="field__label">{t('meetings.planner.when')}</legend>
          <div className="planner__when">
            <TextField
              id={PLANNER_FIELD.date}
              type="date"
              label={t('meetings.planner.date')}
              error={fieldError(PLANNER_FIELD.date)}
              value={draft.date}
              min={meeting === undefined ? isoDay() : undefined}
              className="field__input--short"
              onChange={(event) => {
                update({ date: event.target.value });
              }}
            />
            <TextField
              id={PLANNER_FIELD.start}
              type="time"
              label={t('meetings.planner.start')}
              error={fieldError(PLANNER_FIELD.start)}
              value={draft.startTime}
              className="field__input--short"
              onChange={(event) => {
                update({ startTime: event.target.value });
              }}
            />
            <TextField
              id={PLANNER_FIELD.end}
              type="time"
              label={t('meetings.planner.end')}
              error={fieldError(PLANNER_FIELD.end)}
              value={draft.endTime}
              className="field__input--short"
              onChange={(event) => {
                update({ endTime: event.target.value });
              }}
            />
          </div>
        </fieldset>
        <TextField
          id={PLANNER_FIELD.place}
          label={t('meetings.planner.place')}
          hint={t('meetings.planner.placeHint')}
          error={fieldError(PLANNER_FIELD.place)}
          value={draft.place}
          maxLength={200}
          onChange={(event) => {
            update({ place: event.target.value });
          }}
        />
        <TextField
          id={PLANNER_FIELD.link}
          type="url"
          label={t('meetings.planner.link')}
          hint={t('meetings.planner.linkHint')}
          error={fieldError(PLANNER_FIELD.link)}
          value={draft.onlineLink}
          maxLength={500}
          autoComplete="off"
          onChange={(event) => {
            update({ onlineLink: event.target.value });
          }}
        />
        {draft.table !== '' && (
          <CheckboxGroup
            id="meeting-invitees"
            name="invitees"
            legend={t('meetings.planner.invitees')}
            hint={t('meetings.planner.inviteesHint')}
            error={fieldError(PLANNER_FIELD.invitees)}
            choices={members.map((member) => ({ value: member.user, label: member.label }))}
            values={invitees}
            onChange={(values) => {
              setDefaultInvitees(false);
              update({ invitees: values });
            }}
          />
        )}
        <section className="agenda-editor" aria-labelledby="agenda-title">
          <h2 id="agenda-title">{t('meetings.planner.agenda')}</h2>
          <p className="field__hint">{t('meetings.planner.agendaHint')}</p>
          {cases.isError && <ProblemMessage error={cases.error} />}
          {draft.agenda.length === 0 ? (
            <p>{t('meetings.planner.agendaEmpty')}</p>
          ) : (
            <ol className="agenda-drafts">
              {draft.agenda.map((item, index) => (
                <AgendaItemFields
                  key={item.key}
                  index={index}
                  item={item}
                  table={draft.table}
                  cases={caseItems}
                  knownCodes={knownCodes}
                  extraInvitees={extraInvitees}
                  fieldError={fieldError}
                  onChange={(changed) => {
                    updateItem(index, changed);
                  }}
                  onRemove={() => {
                    removeItem(index);
                  }}
                />
              ))}
            </ol>
          )}
          <button id="agenda-add" type="button" className="button button--secondary" onClick={addItem} disabled={draft.table === ''}>
            {t('meetings.planner.addItem')}
          </button>
        </section>
        <div className="form__actions">
          <button type="submit" className="button" disabled={pending}>
            {meeting === undefined ? t('meetings.planner.submit') : t('meetings.planner.save')}
          </button>
          <Link className="button button--secondary" to={cancelTo}>
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
