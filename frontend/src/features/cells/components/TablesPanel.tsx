import { useState, type SubmitEvent } from 'react';
import { useTranslation } from 'react-i18next';

import { ErrorSummary, problemErrors, SelectField, TextField, useFormErrors } from '@/components/form';
import { CheckIcon, CrossIcon } from '@/components/icons';
import { ProblemMessage } from '@/components/ProblemMessage';
import { isoDay, useFormat } from '@/i18n/format';

import {
  useAddStrategicTable,
  useAppointChair,
  useOrganisations,
  useRecordProsecutorDecision,
  useSeatMember,
  useTables,
  useUpdateClearance,
  useWithdrawMember,
  type Member,
  type Organisation,
  type Table,
} from '../api/use-cells';
import { FUNCTIONS, type MemberFunction, type TableKind } from '../model/vocabulary';
import { CompositionChecklist } from './CompositionChecklist';

interface SeatFormProps {
  cellId: string;
  kind: TableKind;
  organisations: Organisation[];
}

function SeatMemberForm({ cellId, kind, organisations }: SeatFormProps) {
  const { t } = useTranslation();
  const seat = useSeatMember(cellId, kind);
  const id = (name: string) => `seat-${kind}-${name}`;
  const [email, setEmail] = useState('');
  const [organisation, setOrganisation] = useState('');
  const [memberFunction, setMemberFunction] = useState<MemberFunction | ''>('');
  const [clearance, setClearance] = useState('');
  const { errors, attempt, fail, clear, fieldError } = useFormErrors();
  const [seated, setSeated] = useState('');
  const isInformationOfficer = memberFunction === 'informationOfficer';

  function fieldOf(name: string | undefined): string | undefined {
    if (name === 'email') return id('email');
    if (name === 'organisation') return id('organisation');
    if (name === 'function') return id('function');
    if (name === 'clearanceExpiresOn') return id('clearance');
    return undefined;
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>) {
    event.preventDefault();
    setSeated('');
    const found = [];
    if (!email.includes('@')) found.push({ fieldId: id('email'), message: t('cells.tables.emailMissing') });
    if (organisation === '') found.push({ fieldId: id('organisation'), message: t('cells.tables.organisationMissing') });
    if (memberFunction === '') found.push({ fieldId: id('function'), message: t('cells.tables.functionMissing') });
    if (found.length > 0 || memberFunction === '') {
      fail(found);
      return;
    }
    seat.mutate(
      {
        email: email.trim(),
        organisation,
        function: memberFunction,
        ...(isInformationOfficer && clearance !== '' ? { clearanceExpiresOn: clearance } : {}),
      },
      {
        onSuccess(member) {
          clear();
          setEmail('');
          setOrganisation('');
          setMemberFunction('');
          setClearance('');
          setSeated(t('cells.tables.seated', { name: member.displayName }));
          document.getElementById(id('email'))?.focus();
        },
        onError(error) {
          fail(problemErrors(error, fieldOf, t('problem.generic')));
        },
      },
    );
  }

  return (
    <div className="seat-form">
      <h3 id={id('title')}>{t('cells.tables.seatTitle')}</h3>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form className="form" noValidate onSubmit={onSubmit} aria-labelledby={id('title')} aria-busy={seat.isPending}>
        <TextField
          id={id('email')}
          type="email"
          label={t('cells.tables.email')}
          hint={t('cells.tables.emailHint')}
          error={fieldError(id('email'))}
          value={email}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => {
            setEmail(event.target.value);
          }}
        />
        <SelectField
          id={id('organisation')}
          label={t('cells.tables.organisation')}
          error={fieldError(id('organisation'))}
          value={organisation}
          onChange={(event) => {
            setOrganisation(event.target.value);
          }}
        >
          <option value="">{t('common.choose')}</option>
          {organisations.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.participation === 'sitting'
                ? candidate.name
                : t('cells.tables.notTakingPart', { name: candidate.name })}
            </option>
          ))}
        </SelectField>
        <SelectField
          id={id('function')}
          label={t('cells.tables.function')}
          error={fieldError(id('function'))}
          value={memberFunction}
          onChange={(event) => {
            setMemberFunction(FUNCTIONS.find((value) => value === event.target.value) ?? '');
          }}
        >
          <option value="">{t('common.choose')}</option>
          {FUNCTIONS.map((value) => (
            <option key={value} value={value}>
              {t(`vocab.function.${value}`)}
            </option>
          ))}
        </SelectField>
        {isInformationOfficer && (
          <TextField
            id={id('clearance')}
            type="date"
            label={t('cells.tables.clearance')}
            hint={t('cells.tables.clearanceHint')}
            error={fieldError(id('clearance'))}
            value={clearance}
            min={isoDay()}
            className="field__input--short"
            onChange={(event) => {
              setClearance(event.target.value);
            }}
          />
        )}
        <div className="form__actions">
          <button type="submit" className="button" disabled={seat.isPending}>
            {t('cells.tables.seat')}
          </button>
        </div>
        <p className="notice" role="status">
          {seated}
        </p>
      </form>
    </div>
  );
}

interface MemberItemProps {
  cellId: string;
  kind: TableKind;
  member: Member;
  organisationName: string;
  manage: boolean;
}

function MemberItem({ cellId, kind, member, organisationName, manage }: MemberItemProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const appoint = useAppointChair(cellId, kind);
  const withdraw = useWithdrawMember(cellId, kind);
  const clearanceUpdate = useUpdateClearance(cellId, kind);
  const [confirming, setConfirming] = useState(false);
  const [clearance, setClearance] = useState(member.clearanceExpiresOn ?? '');
  const [message, setMessage] = useState('');
  const clearanceId = `clearance-${member.id}`;
  const failure = appoint.error ?? withdraw.error ?? clearanceUpdate.error;

  function reset() {
    setMessage('');
    appoint.reset();
    withdraw.reset();
    clearanceUpdate.reset();
  }

  return (
    <li className="member">
      <p className="member__name">
        <strong>{member.displayName}</strong>
        {member.chair && <span className="badge badge--accent">{t('cells.tables.chair')}</span>}
        {member.police && <span className="badge">{t('cells.tables.police')}</span>}
      </p>
      <p className="member__meta">
        {t(`vocab.function.${member.function}`)} · {organisationName} ·{' '}
        <span translate="no">{member.email}</span>
      </p>
      <p className="member__meta">
        {member.termsAcknowledged ? (
          <span className="outcome outcome--success">
            <CheckIcon className="outcome__icon" />
            {t('cells.tables.termsAcknowledged')}
          </span>
        ) : (
          <span className="outcome outcome--failure">
            <CrossIcon className="outcome__icon" />
            {t('cells.tables.termsNotAcknowledged')}
          </span>
        )}
        {member.function === 'informationOfficer' && (
          <>
            {' · '}
            {member.clearanceExpiresOn === null || member.clearanceExpiresOn === undefined
              ? t('cells.tables.noClearance')
              : t('cells.tables.clearanceUntil', { date: format.day(member.clearanceExpiresOn) })}
          </>
        )}
      </p>
      {manage && (
        <div className="member__actions">
          {!member.chair && (
            <button
              type="button"
              className="button button--secondary button--small"
              disabled={appoint.isPending}
              aria-label={`${t('cells.tables.appoint')}: ${member.displayName}`}
              onClick={() => {
                reset();
                appoint.mutate(member.id, {
                  onSuccess() {
                    setMessage(t('cells.tables.appointed', { name: member.displayName }));
                  },
                });
              }}
            >
              {t('cells.tables.appoint')}
            </button>
          )}
          {confirming ? (
            <span className="confirm" role="group" aria-label={t('cells.tables.confirmLabel', { name: member.displayName })}>
              <span>{t('cells.tables.confirmWithdraw', { name: member.displayName })}</span>
              <button
                type="button"
                className="button button--danger button--small"
                disabled={withdraw.isPending}
                onClick={() => {
                  reset();
                  withdraw.mutate(member.id);
                }}
              >
                {t('cells.tables.withdrawYes')}
              </button>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => {
                  setConfirming(false);
                }}
              >
                {t('common.cancel')}
              </button>
            </span>
          ) : (
            <button
              type="button"
              className="button button--secondary button--small"
              aria-label={`${t('cells.tables.withdraw')}: ${member.displayName}`}
              onClick={() => {
                reset();
                setConfirming(true);
              }}
            >
              {t('cells.tables.withdraw')}
            </button>
          )}
          {member.function === 'informationOfficer' && (
            <form
              className="inline-form"
              noValidate
              onSubmit={(event) => {
                event.preventDefault();
                reset();
                if (clearance === '') return;
                clearanceUpdate.mutate(
                  { memberId: member.id, clearanceExpiresOn: clearance },
                  {
                    onSuccess() {
                      setMessage(t('cells.tables.clearanceSaved'));
                    },
                  },
                );
              }}
            >
              <TextField
                id={clearanceId}
                type="date"
                label={t('cells.tables.clearance')}
                value={clearance}
                className="field__input--short"
                onChange={(event) => {
                  setClearance(event.target.value);
                }}
              />
              <button type="submit" className="button button--secondary button--small">
                {t('common.save')}
                <span className="visually-hidden"> {t('cells.tables.clearance')}</span>
              </button>
            </form>
          )}
        </div>
      )}
      <p className="inline-status" role="status">
        {message}
      </p>
      {failure !== null && <ProblemMessage error={failure} />}
    </li>
  );
}

function ProsecutorDecisionForm({ cellId, table }: { cellId: string; table: Table }) {
  const { t } = useTranslation();
  const format = useFormat();
  const record = useRecordProsecutorDecision(cellId);
  const [reference, setReference] = useState(table.prosecutorDecision?.reference ?? '');
  const [decidedOn, setDecidedOn] = useState(table.prosecutorDecision?.decidedOn ?? '');
  const { errors, attempt, fail, clear, fieldError } = useFormErrors();
  const [saved, setSaved] = useState(false);
  const decision = table.prosecutorDecision;

  return (
    <div className="prosecutor">
      <h3>{t('cells.tables.prosecutorTitle')}</h3>
      <p>{t('cells.tables.prosecutorIntro')}</p>
      <p>
        {decision === null || decision === undefined
          ? t('cells.tables.prosecutorNone')
          : t('cells.tables.prosecutorRecorded', { reference: decision.reference, date: format.day(decision.decidedOn) })}
      </p>
      <ErrorSummary errors={errors} attempt={attempt} />
      <form
        className="form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          setSaved(false);
          const found = [];
          if (reference.trim() === '') found.push({ fieldId: 'prosecutor-reference', message: t('cells.wizard.issue.referenceMissing') });
          if (decidedOn === '') found.push({ fieldId: 'prosecutor-date', message: t('cells.wizard.issue.decidedOnMissing') });
          if (found.length > 0) {
            fail(found);
            return;
          }
          record.mutate(
            { reference: reference.trim(), decidedOn },
            {
              onSuccess() {
                clear();
                setSaved(true);
              },
              onError(error) {
                fail(problemErrors(error, () => undefined, t('problem.generic')));
              },
            },
          );
        }}
      >
        <TextField
          id="prosecutor-reference"
          label={t('cells.tables.prosecutorReference')}
          error={fieldError('prosecutor-reference')}
          value={reference}
          maxLength={200}
          onChange={(event) => {
            setReference(event.target.value);
          }}
        />
        <TextField
          id="prosecutor-date"
          type="date"
          label={t('cells.tables.prosecutorDate')}
          error={fieldError('prosecutor-date')}
          value={decidedOn}
          max={isoDay()}
          className="field__input--short"
          onChange={(event) => {
            setDecidedOn(event.target.value);
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button button--secondary" disabled={record.isPending}>
            {t('cells.tables.prosecutorSave')}
          </button>
        </div>
        <p className="notice" role="status">
          {saved ? t('cells.tables.prosecutorSaved') : ''}
        </p>
      </form>
    </div>
  );
}

function AddStrategicTable({ cellId }: { cellId: string }) {
  const { t } = useTranslation();
  const add = useAddStrategicTable(cellId);
  return (
    <section className="panel" aria-labelledby="table-strategic-title">
      <h2 id="table-strategic-title">{t('vocab.tableKind.strategic')}</h2>
      <p>{t('cells.tables.strategicIntro')}</p>
      <button
        type="button"
        className="button"
        disabled={add.isPending}
        onClick={() => {
          add.mutate(null);
        }}
      >
        {t('cells.tables.addStrategic')}
      </button>
      {add.isError && <ProblemMessage error={add.error} />}
    </section>
  );
}

interface TableSectionProps {
  cellId: string;
  table: Table;
  organisations: Organisation[];
  manage: boolean;
}

function TableSection({ cellId, table, organisations, manage }: TableSectionProps) {
  const { t } = useTranslation();
  const names = new Map(organisations.map((organisation) => [organisation.id, organisation.name]));
  const titleId = `table-${table.kind}-title`;
  return (
    <section className="panel table-section" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(`vocab.tableKind.${table.kind}`)}</h2>
      <p className="muted">
        {table.kind === 'operational' ? t('cells.tables.operationalIntro') : t('cells.tables.strategicRole')}
      </p>
      {table.members.length === 0 ? (
        <p>{t('cells.tables.noMembers')}</p>
      ) : (
        <ul className="member-list" aria-label={t('cells.tables.membersOf', { table: t(`vocab.tableKind.${table.kind}`) })}>
          {table.members.map((member) => (
            <MemberItem
              key={member.id}
              cellId={cellId}
              kind={table.kind}
              member={member}
              organisationName={names.get(member.organisation) ?? ''}
              manage={manage}
            />
          ))}
        </ul>
      )}
      {manage && <SeatMemberForm cellId={cellId} kind={table.kind} organisations={organisations} />}
      {manage && table.kind === 'strategic' && <ProsecutorDecisionForm cellId={cellId} table={table} />}
    </section>
  );
}

/** The tables with their members, the forms to seat, appoint and withdraw, and the live checklist. */
export function TablesPanel({ cellId, manage }: { cellId: string; manage: boolean }) {
  const tables = useTables(cellId);
  const organisations = useOrganisations(cellId);
  const items = tables.data?.items ?? [];
  const operational = items.find((table) => table.kind === 'operational');
  const strategic = items.find((table) => table.kind === 'strategic');
  const orgs = organisations.data?.items ?? [];
  return (
    <div className="two-columns two-columns--wide">
      <div>
        {tables.isError && <ProblemMessage error={tables.error} />}
        {operational !== undefined && (
          <TableSection cellId={cellId} table={operational} organisations={orgs} manage={manage} />
        )}
        {strategic !== undefined ? (
          <TableSection cellId={cellId} table={strategic} organisations={orgs} manage={manage} />
        ) : (
          tables.data !== undefined && manage && <AddStrategicTable cellId={cellId} />
        )}
      </div>
      <CompositionChecklist cellId={cellId} />
    </div>
  );
}
