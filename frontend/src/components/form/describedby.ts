/** The ids an input is described by (hint, error, extra help), or `undefined` when none. */
export function describedBy(...ids: (string | undefined | false)[]): string | undefined {
  const joined = ids.filter((id): id is string => typeof id === 'string' && id !== '').join(' ');
  return joined === '' ? undefined : joined;
}
