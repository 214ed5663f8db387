import { screen } from '@testing-library/react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it, vi } from 'vitest';

import { fakeApi, renderWithQuery } from '@/testing/render';

import type { CaseRead, Table } from '../api/use-cases';
import { buildContext } from './case-context';
import { CaseTimeline } from './CaseTimeline';

const CELL = '11111111-1111-4111-8111-111111111111';
const SEATED = '22222222-2222-4222-8222-222222222222';
const WITHDRAWN = '33333333-3333-4333-8333-333333333333';

const kase = {
  id: '44444444-4444-4444-8444-444444444444',
  code: 'K-2026-TKDU',
  status: 'followUp',
  signals: [],
  timeline: [
    // Recorded by someone who has since left the table: only the server still knows the name.
    { fromStatus: 'registered', toStatus: 'weighing', at: '2026-05-01T09:00:00Z', by: WITHDRAWN, byName: 'Eva Wouters' },
    // An older answer without the name: the table's members name the person.
    { fromStatus: 'weighing', toStatus: 'followUp', at: '2026-05-14T10:00:00Z', by: SEATED, byName: '' },
  ],
} as unknown as CaseRead;

const tables = [
  {
    kind: 'operational',
    members: [{ user: SEATED, displayName: 'Tom Jacobs', organisation: 'o' }],
  },
] as unknown as Table[];

describe('the case timeline', () => {
  it('names who recorded each step, by the name the server sends, else by the table', async () => {
    vi.stubGlobal('fetch', fakeApi({}).fetch);
    const context = buildContext({
      cellId: CELL,
      kase,
      roles: ['member'],
      userId: SEATED,
      organisations: [],
      tables,
      municipalities: [],
      someone: 'iemand',
    });
    const router = createMemoryRouter([{ path: '/', element: <CaseTimeline context={context} /> }]);
    renderWithQuery(<RouterProvider router={router} />);

    expect(await screen.findByText('Vastgelegd door Eva Wouters')).toBeInTheDocument();
    expect(screen.getByText('Vastgelegd door Tom Jacobs')).toBeInTheDocument();
    expect(screen.queryByText('Vastgelegd door iemand')).not.toBeInTheDocument();
  });
});
