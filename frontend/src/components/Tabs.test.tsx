import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';

import { Tabs } from './Tabs';

const ITEMS = [
  { key: 'one', label: 'Eerste' },
  { key: 'two', label: 'Tweede' },
  { key: 'three', label: 'Derde' },
] as const;

function Example() {
  const [selected, setSelected] = useState<'one' | 'two' | 'three'>('one');
  return (
    <Tabs label="Onderdelen" idPrefix="t" items={ITEMS} selected={selected} onSelect={setSelected}>
      <p>Inhoud {selected}</p>
    </Tabs>
  );
}

describe('Tabs', () => {
  it('has one tab stop, and the panel is labelled by its tab', () => {
    render(<Example />);
    const tabs = screen.getAllByRole('tab');
    expect(tabs.map((tab) => tab.getAttribute('tabindex'))).toEqual(['0', '-1', '-1']);
    expect(screen.getByRole('tab', { name: 'Eerste' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('tabpanel', { name: 'Eerste' })).toHaveTextContent('Inhoud one');
  });

  it('moves with the arrow keys, Home and End, and wraps around', async () => {
    const user = userEvent.setup();
    render(<Example />);
    await user.click(screen.getByRole('tab', { name: 'Eerste' }));
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Tweede' })).toHaveFocus();
    expect(screen.getByRole('tabpanel')).toHaveTextContent('Inhoud two');
    await user.keyboard('{End}');
    expect(screen.getByRole('tab', { name: 'Derde' })).toHaveAttribute('aria-selected', 'true');
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: 'Eerste' })).toHaveFocus();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('tab', { name: 'Derde' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(screen.getByRole('tabpanel', { name: 'Eerste' })).toBeInTheDocument();
  });
});
