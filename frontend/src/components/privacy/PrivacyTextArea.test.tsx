import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';

import { session } from '@/api/session';
import { fakeApi, json, renderWithQuery } from '@/testing/render';

import { PrivacyTextArea } from './PrivacyTextArea';

const NRN = '85.07.30-033.28';

function Field() {
  const [value, setValue] = useState('');
  return <PrivacyTextArea id="text" label="Wat deed u al?" value={value} onChange={setValue} />;
}

/** The guard's answer: the national register number wherever it is (offsets in code points). */
function guard(request: Request): Promise<Response> {
  return request.json().then((body: { text: string }) => {
    const at = body.text.indexOf(NRN);
    // Python counts code points: an emoji before the number is one character there.
    const start = at === -1 ? -1 : Array.from(body.text.slice(0, at)).length;
    const findings =
      start === -1
        ? []
        : [{ kind: 'nationalRegisterNumber', start, end: start + NRN.length, detail: 'Dit lijkt een rijksregisternummer (R-PRIV-2).' }];
    return json(200, { acceptable: findings.length === 0, findings });
  });
}

describe('the privacy helper (R-PRIV-2)', () => {
  it('checks once the user stops typing, and highlights what it found', async () => {
    const api = fakeApi({ 'POST /api/v1/privacyChecks': guard });
    vi.stubGlobal('fetch', api.fetch);
    session.signIn({ accessToken: 'access', expiresIn: 600 });
    const user = userEvent.setup();
    renderWithQuery(<Field />);

    const field = screen.getByLabelText('Wat deed u al?');
    await user.type(field, `Gesprekken; 😀 rrn ${NRN} gekend.`);

    expect(await screen.findByText('Dit lijkt een rijksregisternummer (R-PRIV-2).')).toBeInTheDocument();
    // One request for the whole burst of keystrokes, with the text as it ended.
    const calls = api.calls('POST /api/v1/privacyChecks');
    expect(calls).toHaveLength(1);
    expect(await calls[0]?.json()).toEqual({ text: `Gesprekken; 😀 rrn ${NRN} gekend.` });
    expect(document.querySelector('mark')).toHaveTextContent(NRN);
    expect(field).toHaveAccessibleDescription(/Dit lijkt een rijksregisternummer/);

    // The span is selected in the field, emoji or not.
    await user.click(screen.getByRole('button', { name: /Aanduiden in de tekst/ }));
    const area = field as HTMLTextAreaElement;
    expect(area.value.slice(area.selectionStart, area.selectionEnd)).toBe(NRN);
    expect(field).toHaveFocus();

    await user.clear(field);
    await user.type(field, 'Drie gesprekken met de ouders.');
    expect(await screen.findByText('Geen persoonsgegevens herkend.')).toBeInTheDocument();
    await waitFor(() => {
      expect(document.querySelector('mark')).toBeNull();
    });
  });
});
