import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { describe, expect, it } from 'vitest';

import { renderWithQuery } from '@/testing/render';

import type { Meeting } from '../api/use-meetings';
import type { Month } from '../model/calendar';
import { MonthCalendar } from './MonthCalendar';

function meeting(id: string, startsAt: Date, endsAt: Date): Meeting {
  return {
    id,
    cell: 'cell',
    table: 'operational',
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    place: 'Stadhuis',
    onlineLink: '',
    status: 'planned',
    invitees: [],
    agenda: [],
    attendance: [],
  };
}

const MEETINGS = [meeting('m1', new Date(2026, 4, 14, 14), new Date(2026, 4, 14, 16))];

function Calendar() {
  const [month, setMonth] = useState<Month>({ year: 2026, month: 4 });
  return <MonthCalendar month={month} meetings={MEETINGS} onMonthChange={setMonth} />;
}

function renderCalendar() {
  const router = createMemoryRouter([{ path: '/', element: <Calendar /> }]);
  return renderWithQuery(<RouterProvider router={router} />);
}

describe('the month grid', () => {
  it('is one tab stop; the arrows move between days and Page Down to the next month', async () => {
    const user = userEvent.setup();
    renderCalendar();
    expect(screen.getByRole('grid', { name: 'mei 2026' })).toBeInTheDocument();
    expect(screen.getAllByRole('columnheader').map((header) => header.textContent)).toEqual(['ma', 'di', 'wo', 'do', 'vr', 'za', 'zo']);

    const first = screen.getByRole('button', { name: 'vrijdag 1 mei 2026' });
    expect(first).toHaveAttribute('tabindex', '0');
    expect(screen.getByRole('button', { name: 'zaterdag 2 mei 2026' })).toHaveAttribute('tabindex', '-1');

    first.focus();
    await user.keyboard('{ArrowDown}{ArrowDown}{ArrowRight}{ArrowLeft}{ArrowLeft}');
    const day = screen.getByRole('button', { name: 'donderdag 14 mei 2026, 1 vergadering' });
    expect(day).toHaveFocus();
    expect(day.closest('td')).toHaveAttribute('aria-selected', 'true');
    // The chosen day's meetings, as links, under the grid.
    expect(screen.getByRole('heading', { name: 'Vergaderingen op donderdag 14 mei 2026' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: /Operationele tafel, donderdag 14 mei 2026/ })).toHaveAttribute('href', '/meetings/m1');

    await user.keyboard('{PageDown}');
    expect(screen.getByRole('grid', { name: 'juni 2026' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'zondag 14 juni 2026' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('button', { name: 'maandag 8 juni 2026' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('button', { name: 'zondag 7 juni 2026' })).toHaveFocus();
    expect(screen.getByText('Geen vergaderingen op deze dag.')).toBeInTheDocument();
  });

  it('turns the month with the buttons', async () => {
    const user = userEvent.setup();
    renderCalendar();
    await user.click(screen.getByRole('button', { name: 'Vorige maand' }));
    expect(screen.getByRole('grid', { name: 'april 2026' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'woensdag 1 april 2026' })).toHaveAttribute('tabindex', '0');
  });
});
