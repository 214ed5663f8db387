import { TermsAcknowledgement } from '@/components/TermsAcknowledgement';
import { ProblemMessage } from '@/components/ProblemMessage';

import { useAcknowledge, useCellInfo } from '../api/use-cases';

/** R-PRIV-4: the cell's current terms and the button that acknowledges them. */
export function TermsGate({ cellId, onAcknowledged }: { cellId: string; onAcknowledged?: () => void }) {
  const cell = useCellInfo(cellId);
  const acknowledge = useAcknowledge(cellId);
  const terms = cell.data?.confidentialityTerms;
  if (cell.isError) return <ProblemMessage error={cell.error} />;
  if (terms === null || terms === undefined) return null;
  return (
    <TermsAcknowledgement
      version={terms.version}
      text={terms.text}
      publishedAt={terms.publishedAt}
      pending={acknowledge.isPending}
      error={acknowledge.error}
      onAcknowledge={() => {
        acknowledge.mutate(terms.version, {
          onSuccess() {
            onAcknowledged?.();
          },
        });
      }}
    />
  );
}
