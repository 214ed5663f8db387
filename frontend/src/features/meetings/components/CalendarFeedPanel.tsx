import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

import { ProblemMessage } from '@/components/ProblemMessage';
import { useFormat } from '@/i18n/format';

import { useCalendarFeed, useCreateCalendarFeed, useRevokeCalendarFeed } from '../api/use-meetings';

/**
 * The personal calendar link: a secret address a calendar app subscribes to (table, time and
 * place of the meetings I am invited to — never case codes). Tafel shows a new link once; making
 * another or revoking it ends the old one. Whether one exists, and since when, is read from the
 * server, so the page says so on every visit.
 */
export function CalendarFeedPanel() {
  const { t } = useTranslation();
  const format = useFormat();
  const feed = useCalendarFeed();
  const create = useCreateCalendarFeed();
  const revoke = useRevokeCalendarFeed();
  const [url, setUrl] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  const field = useRef<HTMLInputElement>(null);

  function copy() {
    if (url === null) return;
    setMessage('');
    const fallback = () => {
      field.current?.focus();
      field.current?.select();
      setMessage(t('meetings.feed.copyManually'));
    };
    if (typeof navigator.clipboard === 'undefined') {
      fallback();
      return;
    }
    navigator.clipboard.writeText(url).then(() => {
      setMessage(t('meetings.feed.copied'));
    }, fallback);
  }

  // Without an answer about the current link (still loading, or the call failed), both buttons stay.
  const exists = url !== null || feed.data !== null;

  return (
    <section className="panel" aria-labelledby="calendar-feed-title">
      <h2 id="calendar-feed-title">{t('meetings.feed.title')}</h2>
      <p>{t('meetings.feed.intro')}</p>
      <p className="muted">{t('meetings.feed.once')}</p>
      {feed.isPending && (
        <p className="loading" role="status">
          {t('common.loading')}
        </p>
      )}
      {feed.isError && <ProblemMessage error={feed.error} />}
      {feed.data === null && <p>{t('meetings.feed.none')}</p>}
      {feed.data !== undefined && feed.data !== null && (
        <p>{t('meetings.feed.exists', { date: format.instant(feed.data.createdAt) })}</p>
      )}
      {url !== null && (
        <div className="field secret-panel">
          <label className="field__label" htmlFor="calendar-feed-url">
            {t('meetings.feed.url')}
          </label>
          <p className="field__hint" id="calendar-feed-url-hint">
            {t('meetings.feed.urlHint')}
          </p>
          <input
            ref={field}
            id="calendar-feed-url"
            className="field__input"
            type="text"
            readOnly
            value={url}
            aria-describedby="calendar-feed-url-hint"
            onFocus={(event) => {
              event.target.select();
            }}
          />
        </div>
      )}
      <div className="button-row">
        {url !== null && (
          <button type="button" className="button" onClick={copy}>
            {t('meetings.feed.copy')}
          </button>
        )}
        <button
          type="button"
          className={url === null ? 'button' : 'button button--secondary'}
          disabled={create.isPending}
          onClick={() => {
            setMessage('');
            revoke.reset();
            create.mutate(undefined, {
              onSuccess(created) {
                setUrl(created.url);
                setMessage(t('meetings.feed.created'));
              },
            });
          }}
        >
          {exists ? t('meetings.feed.renew') : t('meetings.feed.create')}
        </button>
        {exists && (
          <button
            type="button"
            className="button button--secondary"
            disabled={revoke.isPending}
            onClick={() => {
              setMessage('');
              create.reset();
              revoke.mutate(undefined, {
                onSuccess() {
                  setUrl(null);
                  setMessage(t('meetings.feed.revoked'));
                },
              });
            }}
          >
            {t('meetings.feed.revoke')}
          </button>
        )}
      </div>
      <p className="notice" role="status">
        {message}
      </p>
      {create.isError && <ProblemMessage error={create.error} />}
      {revoke.isError && <ProblemMessage error={revoke.error} />}
    </section>
  );
}
