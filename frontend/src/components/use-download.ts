import { useState } from 'react';

import { saveFile } from './save-file';

/** A file fetched with the session's token: its name and its bytes. */
export interface FetchedFile {
  name: string;
  content: Blob;
}

/**
 * One button's download: fetch the file, hand it to the browser, and say what happened — busy
 * while it runs, the saved name for the status line, or the error for `ProblemMessage`.
 */
export function useDownload(fetchFile: () => Promise<FetchedFile>) {
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);

  function download() {
    setBusy(true);
    setError(null);
    setSaved(null);
    fetchFile()
      .then(({ name, content }) => {
        saveFile(name, content);
        setSaved(name);
      })
      .catch((reason: unknown) => {
        setError(reason);
      })
      .finally(() => {
        setBusy(false);
      });
  }

  return { busy, saved, error, download };
}
