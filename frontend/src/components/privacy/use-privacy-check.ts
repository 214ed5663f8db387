import { useEffect, useState } from 'react';

import { api } from '@/api/client';
import { unwrap } from '@/api/errors';

import type { Finding } from './privacy-spans';

/** Live feedback while typing (R-PRIV-2): the text goes to this one endpoint only, nothing is stored. */
export async function checkPrivacy(text: string, signal: AbortSignal) {
  return unwrap(await api.POST('/api/v1/privacyChecks', { body: { text }, signal }));
}

export const PRIVACY_CHECK_DELAY_MS = 400;

interface CheckResult {
  /** The text these findings are about (the field may have changed since). */
  text: string;
  findings: Finding[];
}

/**
 * The privacy guard as a helper while typing (R-PRIV-2): `delayMs` after the last keystroke the
 * text is checked by `POST /privacyChecks` (and nowhere else: no cache, no log). A newer keystroke
 * cancels the pending check. `result` is the last answer with the text it was for.
 */
export function usePrivacyCheck(text: string, delayMs = PRIVACY_CHECK_DELAY_MS) {
  const [result, setResult] = useState<CheckResult | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (text.trim() === '') return undefined;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      checkPrivacy(text, controller.signal).then(
        (answer) => {
          setFailed(false);
          setResult({ text, findings: answer.findings });
        },
        () => {
          if (!controller.signal.aborted) setFailed(true);
        },
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text, delayMs]);

  const empty = text.trim() === '';
  return {
    /** The last answer, or `null` before the first one (and for an empty field). */
    result: empty ? null : result,
    /** Whether the shown answer is about the text as it is now. */
    current: !empty && result !== null && result.text === text,
    failed: !empty && failed,
  };
}
