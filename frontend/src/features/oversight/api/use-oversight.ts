import { useQuery } from '@tanstack/react-query';

import { api } from '@/api/client';
import { unwrap } from '@/api/errors';
import type { components } from '@/api/schema';

import { attachmentName } from '../model/disposition';

type Schemas = components['schemas'];
export type Statistics = Schemas['StatisticsRead'];
export type EvidencePack = Schemas['EvidencePackRead'];
export type Cadence = Schemas['CadenceSummary'];
export type FormEvidence = Schemas['FormEvidenceRead'];
export type Cell = Schemas['CellRead'];

/**
 * A cell's figures sit under `['cells', id]` like everything else about it, so a change to the cell
 * refreshes them; the list and the cell itself use the cells feature's keys (same raw data, one
 * cache).
 */
export const oversightKeys = {
  cells: ['cells', 'list'] as const,
  cell: (cellId: string) => ['cells', cellId, 'detail'] as const,
  statistics: (cellId: string) => ['cells', cellId, 'statistics'] as const,
  evidence: (cellId: string) => ['cells', cellId, 'evidence'] as const,
};

const PDF = 'application/pdf';
const JSON_TYPE = 'application/json';
const cellPath = (cellId: string) => ({ params: { path: { cellId } } });

/** The cells the user may see: every cell for the platform administrator. */
export function useOversightCells() {
  return useQuery({
    queryKey: oversightKeys.cells,
    queryFn: async () => unwrap(await api.GET('/api/v1/cells')),
  });
}

export function useOversightCell(cellId: string) {
  return useQuery({
    queryKey: oversightKeys.cell(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}', cellPath(cellId))),
  });
}

/** Aggregates only, every count below five already `<5` (R-TAB-3). */
export function useStatistics(cellId: string) {
  return useQuery({
    queryKey: oversightKeys.statistics(cellId),
    queryFn: async () => unwrap(await api.GET('/api/v1/cells/{cellId}/statistics', cellPath(cellId))),
  });
}

/** Each reading is itself audited (`evidencePack.read`): asked once per visit, not on every focus. */
export function useEvidencePack(cellId: string) {
  return useQuery({
    queryKey: oversightKeys.evidence(cellId),
    queryFn: async (): Promise<EvidencePack> => {
      const pack = unwrap(
        await api.GET('/api/v1/cells/{cellId}/complianceReport', { ...cellPath(cellId), headers: { Accept: JSON_TYPE } }),
      );
      // The operation answers PDF too (typed as a string); asked for JSON, a string is a fault.
      if (typeof pack === 'string') throw new TypeError('the evidence pack came as text, not as JSON');
      return pack;
    },
    staleTime: 5 * 60_000,
  });
}

export interface DownloadedFile {
  name: string;
  content: Blob;
}

/** The printable pack, with the session's token, named as the server names it. */
export async function fetchEvidencePdf(cellId: string): Promise<DownloadedFile> {
  const result = await api.GET('/api/v1/cells/{cellId}/complianceReport', {
    ...cellPath(cellId),
    headers: { Accept: PDF },
    parseAs: 'blob',
  });
  const content = unwrap(result);
  const name = attachmentName(result.response.headers.get('Content-Disposition'), `evidence-${cellId}.pdf`);
  return { name, content };
}
