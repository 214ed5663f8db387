import { demoAccount, logIn } from './accounts';
import { expect, expectNoAccessibilityViolations, test } from './fixtures';

// Issue "Cells, tables and members". The platform administrator sets a new cell up with the
// wizard, records its organisations, seats existing demo accounts and appoints the chair; the
// composition checklist follows live until the operational table is constituted. Then a
// professional without an account is invited, listed, and sent a new link.

test('the platform administrator sets a cell up, seats its members and constitutes its table', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const admin = demoAccount('platformAdministrator');
  const chair = demoAccount('chair');
  const alderman = demoAccount('alderman');
  const member = demoAccount('member');
  const officer = demoAccount('informationOfficer');
  const name = `LIVC-R Rivierenland ${String(Date.now()).slice(-5)}`;

  await page.goto('/');
  await logIn(page, admin);
  await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Cellen' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cellen' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'LIVC-R Lindebeek' })).toBeVisible();
  await page.getByRole('link', { name: 'Nieuwe cel opzetten' }).click();

  // The wizard, one step at a time; a step is checked before the next.
  await expect(page.getByRole('heading', { level: 1, name: 'Nieuwe cel opzetten' })).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Volgende' }).click();
  await expect(page.locator('.error-summary')).toBeFocused();
  await expect(page.getByLabel('Naam van de cel')).toHaveAccessibleDescription(/Vul de naam van de cel in\./);
  await expectNoAccessibilityViolations(page);
  await page.getByLabel('Naam van de cel').fill(name);
  await expect(page.getByRole('radio', { name: 'Nederlands' })).toBeChecked();
  await page.getByRole('button', { name: 'Volgende' }).click();

  await expect(page.getByRole('heading', { name: 'Stap 2 van 6: Gemeenten' })).toBeFocused();
  await page.getByLabel('NIS-code').fill('99101');
  await page.getByLabel('Naam van de gemeente').fill('Rivierstad');
  await page.getByRole('button', { name: 'Nog een gemeente toevoegen' }).click();
  const second = page.getByRole('group', { name: 'Gemeente 2' });
  await expect(second.getByLabel('NIS-code')).toBeFocused();
  await second.getByLabel('NIS-code').fill('99102');
  await second.getByLabel('Naam van de gemeente').fill('Beekdorp');
  await page.getByRole('button', { name: 'Volgende' }).click();

  await expect(page.getByRole('heading', { name: 'Stap 3 van 6: Rechtsgrond' })).toBeFocused();
  await expect(page.getByRole('radio', { name: 'Wet' })).toBeChecked();
  await page.getByLabel('Referentie').fill('Wet van 30 juli 2018');
  await page.getByRole('button', { name: 'Volgende' }).click();

  await expect(page.getByRole('heading', { name: 'Stap 4 van 6: Bewaartermijn' })).toBeFocused();
  await page.getByLabel('Bewaartermijn').fill('24');
  await page.getByRole('radio', { name: 'maanden' }).check();
  await expect(page.getByText('Dat is 720 dagen (doorgegeven als P24M).')).toBeVisible();
  await page.getByRole('button', { name: 'Volgende' }).click();

  await expect(page.getByRole('heading', { name: 'Stap 5 van 6: Vertrouwelijkheid' })).toBeFocused();
  await expect(page.getByLabel('Vertrouwelijkheidsvoorwaarden')).toHaveValue(/art\. 458ter Sw\./);
  await page.getByRole('button', { name: 'Volgende' }).click();

  await expect(page.getByRole('heading', { name: 'Stap 6 van 6: Nakijken' })).toBeFocused();
  await expect(page.getByText('Rivierstad (99101) en Beekdorp (99102)')).toBeVisible();
  await expect(page.getByText('720 dagen (P24M)')).toBeVisible();
  await expectNoAccessibilityViolations(page);
  await page.getByRole('button', { name: 'Cel aanmaken' }).click();

  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  await expect(page.getByText(`De cel ${name} is aangemaakt.`)).toBeVisible();
  const checklist = page.getByRole('region', { name: 'Samenstelling' });
  await expect(checklist).toContainText('De operationele tafel is nog niet samengesteld (R-MEM-8).');
  await expect(checklist).toContainText('De rechtsgrond is vastgelegd (R-PRIV-3).');

  // The organisations, from the fixed vocabulary.
  const cellNav = page.getByRole('navigation', { name: 'Celbeheer' });
  await cellNav.getByRole('link', { name: 'Organisaties' }).click();
  const organisations: [string, string][] = [
    ['Preventiedienst Rivierenland', 'Gemeentelijke preventiedienst'],
    ['Stad Rivierstad – sociale zaken', 'Gemeentelijke diensten'],
    ['CLB Rivierenland', 'CLB'],
    ['Lokale politie Rivierenland', 'Lokale politie'],
  ];
  for (const [organisation, type] of organisations) {
    await page.getByLabel('Naam', { exact: true }).fill(organisation);
    await page.getByLabel('Soort').selectOption({ label: type });
    await page.getByRole('button', { name: 'Organisatie toevoegen' }).click();
    await expect(page.getByText(`${organisation} is toegevoegd.`)).toBeVisible();
  }
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(5);
  await expect(page.getByText(/Deelname is vrijwillig \(R-MEM-11\)/)).toBeVisible();

  // The members: existing demo accounts, each with organisation and function.
  await cellNav.getByRole('link', { name: 'Tafels en leden' }).click();
  const table = page.getByRole('region', { name: 'Operationele tafel' });
  const seats: [typeof chair, string, string][] = [
    [chair, 'Preventiedienst Rivierenland', 'designatedRadicalisationOfficer'],
    [alderman, 'Stad Rivierstad – sociale zaken', 'aldermanSocialAffairs'],
    [member, 'CLB Rivierenland', 'clbCounsellor'],
    [officer, 'Lokale politie Rivierenland', 'informationOfficer'],
  ];
  for (const [account, organisation, role] of seats) {
    await table.getByLabel('E-mailadres').fill(account.email);
    await table.getByLabel('Organisatie').selectOption({ label: organisation });
    await table.getByLabel('Functie aan tafel').selectOption(role);
    if (role === 'informationOfficer') {
      await table.getByLabel('Veiligheidsmachtiging geldig tot').fill(`${String(new Date().getFullYear() + 1)}-12-31`);
    }
    await table.getByRole('button', { name: 'Aan tafel zetten' }).click();
    await expect(table.getByText(`${account.displayName} zit aan tafel.`)).toBeVisible();
  }
  const live = page.getByRole('region', { name: 'Samenstelling' });
  await expect(live).toContainText('De operationele tafel is samengesteld (R-MEM-8).');
  await expect(live).toContainText('politie: 1 van 4 leden');
  await expect(live).toContainText('Nog geen voorzitter (R-MEM-2).');

  // The information officer may not chair (R-MEM-3): refused, explained next to the button.
  const officerItem = table.getByRole('listitem').filter({ hasText: officer.email });
  await officerItem.getByRole('button', { name: `Aanstellen als voorzitter: ${officer.displayName}` }).click();
  const refusal = officerItem.getByRole('alert');
  await expect(refusal).toContainText('kan een tafel niet voorzitten (R-MEM-3)');
  await expect(refusal).toContainText('Regel R-MEM-3');

  // The DRO may.
  const chairItem = table.getByRole('listitem').filter({ hasText: chair.email });
  await chairItem.getByRole('button', { name: `Aanstellen als voorzitter: ${chair.displayName}` }).click();
  await expect(chairItem.getByText(`${chair.displayName} is voorzitter.`)).toBeVisible();
  await expect(chairItem.getByText('Voorzitter', { exact: true })).toBeVisible();
  await expect(live).toContainText(`Voorzitter: ${chair.displayName}.`);

  // The composition page: constituted, with the words for everything else.
  await cellNav.getByRole('link', { name: 'Overzicht' }).click();
  const composition = page.getByRole('region', { name: 'Samenstelling' });
  await expect(composition).toContainText('De operationele tafel is samengesteld (R-MEM-8).');
  await expect(composition.getByRole('status')).toHaveText(
    'Casusoverleg is mogelijk: de operationele tafel is samengesteld en de rechtsgrond is vastgelegd.',
  );
  await expect(composition).toContainText('In evenwicht — politie: 1 van 4 leden (hoogstens een derde, R-MEM-4).');
  await expect(composition).toContainText('De veiligheidsmachtiging van de information officer is in orde (R-MEM-12).');
  // Seated in a new cell, nobody has acknowledged its terms yet: named, in alphabetical order.
  const names = [chair, alderman, member, officer].map((account) => account.displayName).sort((a, b) => a.localeCompare(b, 'nl'));
  await expect(composition).toContainText(
    `Nog niet bevestigd (R-PRIV-4): ${names.slice(0, -1).join(', ')} en ${names.at(-1) ?? ''}.`,
  );
  await expectNoAccessibilityViolations(page);

  // A professional without an account is invited; the invitation is listed, and a new link can be
  // sent for it (the old one stops working).
  const invitee = { email: `jeugdhulp-${name.slice(-5)}@demo.tafel.example`, name: `Noor Willems ${name.slice(-5)}` };
  await cellNav.getByRole('link', { name: 'Uitnodigingen' }).click();
  await expect(page.getByRole('heading', { name: 'Iemand uitnodigen' })).toBeVisible();
  const invitations = page.getByRole('region', { name: 'Verstuurde uitnodigingen' });
  await expect(invitations.getByText('Nog geen uitnodigingen.')).toBeVisible();
  await page.getByLabel('E-mailadres').fill(invitee.email);
  await page.getByLabel('Naam', { exact: true }).fill(invitee.name);
  await page.getByRole('button', { name: 'Uitnodiging versturen' }).click();
  await expect(page.getByText(`De uitnodiging is verstuurd naar ${invitee.email}.`)).toBeVisible();
  const invited = invitations.getByRole('row').filter({ hasText: invitee.email });
  await expect(invited.getByRole('rowheader', { name: invitee.name })).toBeVisible();
  await expect(invited).toContainText('Openstaand');
  await expectNoAccessibilityViolations(page);
  await invited.getByRole('button', { name: `Nieuwe link sturen: ${invitee.name}` }).click();
  await expect(invitations.getByRole('status')).toContainText(
    `Er is een nieuwe link verstuurd naar ${invitee.email}. Hij is geldig tot`,
  );
  await expect(invited).toContainText('Openstaand');
});
