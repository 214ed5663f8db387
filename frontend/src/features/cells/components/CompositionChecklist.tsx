import { useTranslation } from 'react-i18next';

import { Check } from '@/components/Check';
import { CheckIcon, CrossIcon } from '@/components/icons';
import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { useComposition, useTables, type Composition, type Member, type TableComposition } from '../api/use-cells';

interface People {
  byMember: Map<string, Member>;
  byUser: Map<string, Member>;
}

function TableChecks({ table, people }: { table: TableComposition; people: People }) {
  const { t } = useTranslation();
  const format = useFormat();
  const missingLabel = useMissingLabel();
  const chair = table.chair === null || table.chair === undefined ? undefined : people.byMember.get(table.chair);
  const chairRule = table.kind === 'operational' ? 'R-MEM-2' : 'R-MEM-1';
  const share = t('cells.composition.policeShare', {
    police: format.number(table.police),
    members: format.number(table.members),
  });
  return (
    <ul className="checklist">
      {table.kind === 'operational' &&
        (table.constituted ? (
          <Check state="ok">{t('cells.composition.constituted')}</Check>
        ) : (
          <Check
            state="problem"
            detail={
              <p>
                {t('cells.composition.missing', {
                  list: format.list(table.missing.map(missingLabel)),
                })}
              </p>
            }
          >
            {t('cells.composition.notConstituted')}
          </Check>
        ))}
      <Check state={table.balanced ? 'ok' : 'problem'}>
        {table.balanced
          ? t('cells.composition.balanced', { share })
          : t('cells.composition.unbalanced', { share })}
      </Check>
      {chair !== undefined && table.chairValid ? (
        <Check state="ok">{t('cells.composition.chair', { name: chair.displayName })}</Check>
      ) : chair !== undefined ? (
        <Check state="problem">
          {t('cells.composition.chairInvalid', { name: chair.displayName, rule: chairRule })}
        </Check>
      ) : (
        <Check state="problem">{t('cells.composition.noChair', { rule: chairRule })}</Check>
      )}
      <Check state={table.meetingsAllowed ? 'ok' : 'problem'}>
        {table.meetingsAllowed ? t('cells.composition.meetingsAllowed') : t('cells.composition.meetingsNotAllowed')}
      </Check>
    </ul>
  );
}

// A hook rather than a function taking `t`: the type of `t` itself is too deep for the compiler
// to pass around once the dictionary is this large.
function useMissingLabel() {
  const { t } = useTranslation();
  return (name: string): string => {
    switch (name) {
      case 'mayorOrDro':
        return t('cells.composition.missingMayorOrDro');
      case 'informationOfficer':
        return t('cells.composition.missingInformationOfficer');
      case 'aldermanSocialAffairs':
        return t('cells.composition.missingAlderman');
      default:
        return name;
    }
  };
}

function CellChecks({ composition, people }: { composition: Composition; people: People }) {
  const { t } = useTranslation();
  const format = useFormat();
  const someone = t('cells.composition.someone');
  const unacknowledged = composition.unacknowledged
    .map((user) => people.byUser.get(user)?.displayName ?? someone)
    .sort((a, b) => a.localeCompare(b, format.locale));
  return (
    <ul className="checklist">
      <Check state={composition.legalBasisRecorded ? 'ok' : 'problem'}>
        {composition.legalBasisRecorded ? t('cells.composition.legalBasis') : t('cells.composition.noLegalBasis')}
      </Check>
      {composition.clearanceWarnings.length === 0 ? (
        <Check state="ok">{t('cells.composition.clearanceOk')}</Check>
      ) : (
        composition.clearanceWarnings.map((warning) => {
          const name = people.byMember.get(warning.member)?.displayName ?? someone;
          const date = warning.expiresOn === null || warning.expiresOn === undefined ? '' : format.day(warning.expiresOn);
          const text =
            warning.state === 'expired'
              ? t('cells.composition.clearanceExpired', { name, date })
              : warning.state === 'expiring'
                ? t('cells.composition.clearanceExpiring', { name, date })
                : t('cells.composition.clearanceMissing', { name });
          return (
            <Check key={warning.member} state={warning.state === 'expiring' ? 'warning' : 'problem'}>
              {text}
            </Check>
          );
        })
      )}
      {unacknowledged.length === 0 ? (
        <Check state="ok">{t('cells.composition.allAcknowledged')}</Check>
      ) : (
        <Check state="warning">
          {t('cells.composition.unacknowledged', { list: format.list(unacknowledged) })}
        </Check>
      )}
    </ul>
  );
}

/**
 * The live composition checklist: per table whether it is constituted (R-MEM-8) and what is
 * missing, the police share (R-MEM-4), the chair; for the cell the legal basis (R-PRIV-3), the
 * information officer's clearance (R-MEM-12) and who has not acknowledged the terms (R-PRIV-4).
 * In words and icons; the summary line is a live region, so a change is announced.
 */
export function CompositionChecklist({ cellId }: { cellId: string }) {
  const { t } = useTranslation();
  const composition = useComposition(cellId);
  const tables = useTables(cellId);

  const people: People = { byMember: new Map(), byUser: new Map() };
  for (const table of tables.data?.items ?? []) {
    for (const member of table.members) {
      people.byMember.set(member.id, member);
      people.byUser.set(member.user, member);
    }
  }

  const data = composition.data;
  return (
    <section className="panel composition" aria-labelledby="composition-title">
      <h2 id="composition-title">{t('cells.composition.title')}</h2>
      {composition.isError && <ProblemMessage error={composition.error} />}
      <div
        className={
          data === undefined
            ? 'status-panel status-panel--checking'
            : data.caseWorkAllowed
              ? 'status-panel status-panel--up'
              : 'status-panel status-panel--down'
        }
        role="status"
      >
        {data !== undefined &&
          (data.caseWorkAllowed ? (
            <CheckIcon className="status-panel__icon" />
          ) : (
            <CrossIcon className="status-panel__icon" />
          ))}
        <p className="status-panel__text">
          {data === undefined
            ? t('common.loading')
            : data.caseWorkAllowed
              ? t('cells.composition.caseWorkAllowed')
              : t('cells.composition.caseWorkNotAllowed')}
        </p>
      </div>
      {data !== undefined && (
        <>
          {data.tables.map((table) => (
            <div key={table.kind} className="composition__table">
              <h3>{t(`vocab.tableKind.${table.kind}`)}</h3>
              <TableChecks table={table} people={people} />
            </div>
          ))}
          <div className="composition__table">
            <h3>{t('cells.composition.cellTitle')}</h3>
            <CellChecks composition={data} people={people} />
          </div>
        </>
      )}
    </section>
  );
}
