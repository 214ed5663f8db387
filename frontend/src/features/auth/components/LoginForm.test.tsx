import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';

import { session } from '@/api/session';
import { fakeApi, json, problem } from '@/testing/render';

import { LoginForm } from './LoginForm';

const QR = 'data:image/svg+xml;base64,PHN2Zy8+';

async function enterPassword(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('E-mailadres'), 'dpo@demo.tafel.example');
  await user.type(screen.getByLabelText('Wachtwoord'), 'tafel-demo-wachtwoord');
  await user.click(screen.getByRole('button', { name: 'Doorgaan' }));
}

describe('LoginForm', () => {
  it('signs in with the password, then the six-digit code', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/login': () =>
        json(200, { status: 'secondFactorRequired', challengeToken: 'challenge' }),
      'POST /api/v1/auth/mfa': () =>
        json(200, { status: 'authenticated', accessToken: 'access', tokenType: 'Bearer', expiresIn: 600 }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    render(<LoginForm />);

    await enterPassword(user);

    const heading = await screen.findByRole('heading', { name: 'Vul uw code in' });
    await waitFor(() => {
      expect(heading).toHaveFocus();
    });
    const code = screen.getByLabelText('Code van zes cijfers');
    expect(code).toHaveAttribute('inputmode', 'numeric');
    expect(code).toHaveAttribute('autocomplete', 'one-time-code');
    await user.type(code, '123 456');
    await user.click(screen.getByRole('button', { name: 'Aanmelden' }));

    await waitFor(() => {
      expect(session.getSnapshot().status).toBe('signedIn');
    });
    expect(session.getAccessToken()).toBe('access');
    const [mfa] = api.calls('POST /api/v1/auth/mfa');
    expect(mfa?.headers.get('Authorization')).toBe('Bearer challenge');
    expect(await mfa?.json()).toEqual({ code: '123456' });
  });

  it('enrols an authenticator first when the account has none', async () => {
    const api = fakeApi({
      'POST /api/v1/auth/login': () =>
        json(200, { status: 'enrolmentRequired', challengeToken: 'enrol' }),
      'POST /api/v1/auth/mfa/enrolment': () =>
        json(201, { secret: 'JBSWY3DPEHPK3PXP', provisioningUri: 'otpauth://totp/x', qrCode: QR }),
      'POST /api/v1/auth/mfa': () =>
        json(200, { status: 'authenticated', accessToken: 'access', expiresIn: 600, passwordChangeRequired: true }),
    });
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    render(<LoginForm />);

    await enterPassword(user);

    expect(await screen.findByRole('heading', { name: 'Stel uw tweede factor in' })).toBeInTheDocument();
    expect(screen.getByRole('img', { name: /QR-code/ })).toHaveAttribute('src', QR);
    expect(screen.getByText('JBSW Y3DP EHPK 3PXP')).toBeInTheDocument();
    expect(api.calls('POST /api/v1/auth/mfa/enrolment')).toHaveLength(1);

    await user.type(screen.getByLabelText('Code van zes cijfers'), '654321');
    await user.click(screen.getByRole('button', { name: 'Aanmelden' }));

    await waitFor(() => {
      expect(session.getSnapshot()).toMatchObject({ status: 'signedIn', passwordChangeRequired: true });
    });
    expect(api.calls('POST /api/v1/auth/mfa')[0]?.headers.get('Authorization')).toBe('Bearer enrol');
  });

  it('names the missing fields in the error summary and on the fields', async () => {
    const api = fakeApi({});
    vi.stubGlobal('fetch', api.fetch);
    const user = userEvent.setup();
    render(<LoginForm />);

    await user.click(screen.getByRole('button', { name: 'Doorgaan' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Vul uw e-mailadres in.');
    expect(alert).toHaveTextContent('Vul uw wachtwoord in.');
    expect(alert.parentElement).toHaveFocus();
    const email = screen.getByLabelText('E-mailadres');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Fout: Vul uw e-mailadres in.');
    expect(api.requests).toHaveLength(0);
  });

  it('shows the server’s words for wrong credentials', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'POST /api/v1/auth/login': () =>
          problem(401, 'invalidCredentials', 'Het e-mailadres, het wachtwoord of de code klopt niet.'),
      }).fetch,
    );
    const user = userEvent.setup();
    render(<LoginForm />);

    await enterPassword(user);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Het e-mailadres, het wachtwoord of de code klopt niet.',
    );
  });

  it('says when to try again after too many failures, in minutes', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'POST /api/v1/auth/login': () =>
          problem(429, 'tooManyFailedRequests', 'Te veel mislukte pogingen.', { retryAfterSec: 300 }),
      }).fetch,
    );
    const user = userEvent.setup();
    render(<LoginForm />);

    await enterPassword(user);

    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Te veel mislukte pogingen. Probeer het opnieuw over 5 minuten.',
    );
  });

  it('ties a refused code to the code field and keeps the step', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'POST /api/v1/auth/login': () =>
          json(200, { status: 'secondFactorRequired', challengeToken: 'challenge' }),
        'POST /api/v1/auth/mfa': () =>
          problem(401, 'invalidCredentials', 'Het e-mailadres, het wachtwoord of de code klopt niet.'),
      }).fetch,
    );
    const user = userEvent.setup();
    render(<LoginForm />);
    await enterPassword(user);

    await user.type(await screen.findByLabelText('Code van zes cijfers'), '000000');
    await user.click(screen.getByRole('button', { name: 'Aanmelden' }));

    await waitFor(() => {
      expect(screen.getByLabelText('Code van zes cijfers')).toHaveAccessibleDescription(
        /klopt niet/,
      );
    });
    expect(session.getSnapshot().status).toBe('signedOut');
  });

  it('starts again from the password when the challenge expired', async () => {
    vi.stubGlobal(
      'fetch',
      fakeApi({
        'POST /api/v1/auth/login': () =>
          json(200, { status: 'secondFactorRequired', challengeToken: 'challenge' }),
        'POST /api/v1/auth/mfa': () => problem(401, 'expiredAccessToken', 'Uw sessie is verlopen.'),
      }).fetch,
    );
    const user = userEvent.setup();
    render(<LoginForm />);
    await enterPassword(user);

    await user.type(await screen.findByLabelText('Code van zes cijfers'), '123456');
    await user.click(screen.getByRole('button', { name: 'Aanmelden' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Het aanmelden duurde te lang.');
    expect(screen.getByLabelText('E-mailadres')).toBeInTheDocument();
  });
});
