import { rm } from 'node:fs/promises';

/** Remove the throw-away SQLite database of this run (and its journal files) and the credentials. */
export default async function globalTeardown(): Promise<void> {
  const database = process.env.TAFEL_E2E_DATABASE;
  const credentials = process.env.TAFEL_E2E_CREDENTIALS;
  const files = database === undefined ? [] : ['', '-wal', '-shm', '-journal'].map((s) => `${database}${s}`);
  if (credentials !== undefined) files.push(credentials);
  await Promise.all(files.map((file) => rm(file, { force: true })));
}
