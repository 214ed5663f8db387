import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useTranslation } from 'react-i18next';
import { describe, expect, it } from 'vitest';

import { LANGUAGE_STORAGE_KEY } from '@/i18n';

import { LanguageSwitch } from './LanguageSwitch';

function Greeting() {
  const { t } = useTranslation();
  return <h1>{t('home.title')}</h1>;
}

describe('LanguageSwitch', () => {
  it('starts in Dutch', () => {
    render(<LanguageSwitch />);
    expect(screen.getByLabelText('Taal')).toHaveValue('nl');
    expect(document.documentElement.lang).toBe('nl');
  });

  it('changes the text, remembers the choice and sets <html lang>', async () => {
    const user = userEvent.setup();
    render(
      <>
        <LanguageSwitch />
        <Greeting />
      </>,
    );
    expect(screen.getByRole('heading', { name: 'Welkom bij Tafel' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Taal'), 'fr');

    // French is fetched on first use (only Dutch is in the first download).
    expect(await screen.findByRole('heading', { name: 'Bienvenue dans Tafel' })).toBeInTheDocument();
    expect(screen.getByLabelText('Langue')).toHaveValue('fr');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('fr');
    expect(document.documentElement.lang).toBe('fr');
  });

  it('names every language in itself', () => {
    render(<LanguageSwitch />);
    const options = screen.getAllByRole('option');
    expect(options.map((option) => option.textContent)).toEqual([
      'Nederlands',
      'Français',
      'Deutsch',
      'English',
    ]);
    expect(options.map((option) => option.getAttribute('lang'))).toEqual(['nl', 'fr', 'de', 'en']);
  });
});
