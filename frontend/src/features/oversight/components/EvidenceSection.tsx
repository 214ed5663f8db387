import type { ReactNode } from 'react';

import { CheckIcon, CrossIcon } from '@/components/icons';

/** One part of the evidence pack, under its own heading. */
export function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section className="evidence-section" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      {children}
    </section>
  );
}

/** Yes or no in words, with an icon that only repeats them. */
export function YesNo({ value, yes, no }: { value: boolean; yes: string; no: string }) {
  return value ? (
    <span className="outcome outcome--success">
      <CheckIcon className="outcome__icon" />
      {yes}
    </span>
  ) : (
    <span className="outcome outcome--failure">
      <CrossIcon className="outcome__icon" />
      {no}
    </span>
  );
}
