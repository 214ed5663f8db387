import { screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

import { renderRoutes, respondWith } from '@/testing/render';

import { routes } from './router';

describe('routes', () => {
  it('shows the service UP on /status, in words', async () => {
    vi.stubGlobal('fetch', respondWith(200, { status: 'UP' }).fetch);
    renderRoutes(routes, '/status');

    expect(screen.getByRole('heading', { level: 1, name: 'Dienststatus' })).toBeInTheDocument();
    expect(await screen.findByText('UP')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Tafel werkt normaal.');
  });

  it('shows DOWN when the service answers 503', async () => {
    vi.stubGlobal('fetch', respondWith(503, { status: 'DOWN' }).fetch);
    renderRoutes(routes, '/status');

    expect(await screen.findByText('DOWN')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('de databank is onbereikbaar');
  });

  it('has a not-found page inside the layout', () => {
    renderRoutes(routes, '/no/such/page');
    expect(screen.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Naar de inhoud' })).toHaveAttribute('href', '#main');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
  });
});
