import { rm } from 'node:fs/promises';

/** Remove the throw-away SQLite database of this run (and its journal files). */
export default async function globalTeardown(): Promise<void> {
  const database = process.env.TAFEL_E2E_DATABASE;
  if (database === undefined) return;
  await Promise.all(
    ['', '-wal', '-shm', '-journal'].map((suffix) => rm(`${database}${suffix}`, { force: true })),
  );
}
