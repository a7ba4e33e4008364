// Paktwerk's web interface in Debian's Chromium (playwright-core), against the distribution started by run.sh.
// Every page a scenario visits is checked with axe-core (no serious or critical violation) and photographed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const URL_ = process.env.PAKTWERK_URL || 'http://localhost:8181';
const KARAF = process.env.PAKTWERK_KARAF;
const SHOTS = process.env.SCREENSHOTS || 'target/screenshots';
const ADMIN = ['admin', process.env.PAKTWERK_ADMIN_PASSWORD];
const TIMEOUT = 20000;
mkdirSync(SHOTS, { recursive: true });

let browser;
const cspViolations = [];
const checked = [];

before(async () => {
  browser = await chromium.launch({
    executablePath: process.env.PAKTWERK_CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--disable-quic', '--no-first-run', '--lang=de-DE'],
  });
});
after(async () => { if (browser) await browser.close(); });

async function session() {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('console', (m) => { if (/Content Security Policy/i.test(m.text())) cspViolations.push(m.text()); });
  page.on('pageerror', (e) => cspViolations.push(`Skriptfehler: ${e.message}`));
  return { context, page };
}

async function login(page, [user, password]) {
  await page.goto(`${URL_}/ui/`);
  await page.getByLabel('Benutzername').fill(user);
  await page.getByLabel('Passwort').fill(password);
  await page.getByRole('button', { name: 'Anmelden' }).click();
  await page.getByRole('button', { name: 'Abmelden' }).waitFor();
}

async function logout(page) {
  await page.getByRole('button', { name: 'Abmelden' }).click();
  await page.getByRole('heading', { name: 'Anmelden', level: 1 }).waitFor();
}

/** Waits for a page's heading, then axe-core: no serious or critical violation; and a screenshot. */
async function check(page, name, heading) {
  if (heading) await page.getByRole('heading', { name: heading, level: 1 }).waitFor();
  await page.waitForFunction(() => !document.body.innerText.includes('Wird geladen'));
  await page.evaluate(AXE);
  const result = await page.evaluate(() => window.axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
  checked.push(name);
  assert.deepEqual(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')})`), [], `axe-core auf ${name}`);
}

function karaf(command) {
  execFileSync(`${KARAF}/bin/client`, ['-u', ADMIN[0], '-p', ADMIN[1], '-b'], { input: `${command}\n`, stdio: ['pipe', 'ignore', 'inherit'] });
}

const remainingIm = (page) => page.locator('[data-remaining="integration-management"]');

test('an approver sets a budget, runs a distribution and decides above the four-eyes threshold; a second approver confirms', { timeout: 180000 }, async () => {
  const { context, page } = await session();
  await page.goto(`${URL_}/ui/`);
  await check(page, '01-anmeldung', 'Anmelden');
  await login(page, ['approver1', 'pruefen-pruefen-1']);
  await page.goto(`${URL_}/ui/#/start?zeitraum=2017`);
  await check(page, '02-uebersicht', 'Übersicht');
  assert.equal(await remainingIm(page).textContent(), '58.000.000,00 €');

  await page.getByLabel('Förderbereich', { exact: true }).selectOption('integration-management');
  await page.getByLabel('Betrag in Euro', { exact: true }).fill('60.000.000,00');
  await page.getByRole('button', { name: 'Budget speichern' }).click();
  await page.getByText('Budget für Integrationsmanagement gesetzt: 60.000.000,00 €.').waitFor();
  await page.waitForFunction(() => document.querySelector('[data-remaining="integration-management"]')?.textContent === '60.000.000,00 €');
  assert.match(await page.locator('.chart').getAttribute('aria-label'), /Integrationsmanagement: Budget 60\.000\.000,00 €, Gebunden 0,00 €, Verfügbar 60\.000\.000,00 €/);

  await page.getByRole('link', { name: 'Verteilungen' }).click();
  await page.getByRole('heading', { name: 'Verteilungen', level: 1 }).waitFor();
  await page.getByLabel('Förderzeitraum', { exact: true }).selectOption('2017');
  await page.getByLabel('Förderbereich', { exact: true }).selectOption('integration-management');
  await page.getByRole('link', { name: 'Nr. 1' }).waitFor(); // the run made before, now listed
  await page.getByLabel('Betrag in Euro', { exact: true }).fill('36000000');
  await page.getByRole('button', { name: 'Verteilung berechnen' }).click();
  await page.getByText('Verteilung Nr. 2 berechnet: 36.000.000,00 €').waitFor();
  await check(page, '03-verteilungen', 'Verteilungen');
  await page.getByRole('link', { name: 'Nr. 2' }).click();
  await page.getByRole('heading', { name: 'Anteile des Laufs Nr. 2' }).waitFor();

  await page.getByRole('link', { name: 'Anträge', exact: true }).click();
  await check(page, '04-antraege', 'Anträge');
  await page.getByRole('link', { name: 'Nr. 1', exact: true }).click();
  await check(page, '05-antrag', 'Antrag 1');
  await page.getByLabel('Ergebnis').selectOption('APPROVED');
  await page.getByLabel('Betrag in Euro', { exact: true }).fill('102.000,00');
  await page.getByLabel('Auflagen und Nebenbestimmungen').fill('Nachweis der Qualifikation bis 31.12.2017');
  await page.getByRole('button', { name: 'Entscheidung speichern' }).click();
  await page.getByText('(noch keine – wartet auf die zweite Person)').waitFor();
  await logout(page);

  await login(page, ['approver2', 'pruefen-pruefen-2']);
  await page.getByRole('link', { name: 'Vier-Augen-Prüfung' }).click();
  await check(page, '06-vier-augen', 'Vier-Augen-Prüfung');
  await page.getByRole('button', { name: 'Entscheidung zu Antrag 1 bestätigen' }).click();
  await page.getByText('Keine Entscheidung wartet auf Ihre Bestätigung.').waitFor();
  await page.goto(`${URL_}/ui/#/antraege/1`);
  await page.locator('#zustand', { hasText: 'Bewilligt' }).waitFor();
  await page.getByText(/^PFI-\d{4}-\d{6}$/).waitFor();
  // the office changes the conditions (Änderungsbescheid): a second letter, named in German, next to the first
  await page.getByLabel('Neue Auflagen (leer: unverändert)').fill('Nachweis der Qualifikation bis 31.03.2018');
  await page.getByLabel('Grund der Änderung').fill('Die Stelle wurde später besetzt.');
  await page.getByRole('button', { name: 'Änderung speichern' }).click();
  await page.getByRole('button', { name: /^Änderungsbescheid \(Brief 2\) vom \d{2}\.\d{2}\.\d{4}/ }).waitFor();
  await page.getByRole('button', { name: /^Zuwendungsbescheid \(Brief 1\) vom / }).waitFor();
  await page.getByText('Nachweis der Qualifikation bis 31.03.2018').waitFor();
  await check(page, '05b-antrag-geaendert', 'Antrag 1');
  await page.goto(`${URL_}/ui/#/start?zeitraum=2017`);
  await page.waitForFunction(() => document.querySelector('[data-remaining="integration-management"]')?.textContent === '59.898.000,00 €');
  assert.match(await page.locator('.chart').getAttribute('aria-label'), /Integrationsmanagement: Budget 60\.000\.000,00 €, Gebunden 102\.000,00 €, Verfügbar 59\.898\.000,00 €/);
  await check(page, '06b-uebersicht-nach-bestaetigung', 'Übersicht');
  await page.goto(`${URL_}/ui/#/audit`);
  await check(page, '07-audit', 'Audit-Protokoll');
  await page.getByRole('button', { name: 'Kette prüfen' }).click();
  await page.getByText(/Die Hash-Kette ist intakt/).waitFor();
  await context.close();
});

test('a municipality files an application through the generated form: live price, German error next to the field, submitted', { timeout: 180000 }, async () => {
  const { context, page } = await session();
  await login(page, ['ulm1', 'ulm-passwort-1']);
  await page.getByRole('navigation').getByRole('link', { name: 'Integrationsmanagement', exact: true }).click();
  await page.getByRole('link', { name: 'Neuen Antrag stellen' }).click();
  await page.getByRole('heading', { name: 'Neuer Antrag: Integrationsmanagement' }).waitFor();
  await page.getByLabel('Förderzeitraum', { exact: true }).selectOption('2017');
  await page.getByLabel(/^Name der Integrationsmanagerin/).fill('C. Test');
  await page.getByLabel(/^Qualifikation/).selectOption('SOCIAL_WORK');
  await page.getByLabel(/^Einstellungsdatum/).fill('2017-10-01');
  await page.getByLabel(/^Stellenanteil/).fill('0.5');
  await page.locator('#preis-betrag', { hasText: '68.000,00 €' }).waitFor();
  await check(page, '08-antragsformular', 'Neuer Antrag: Integrationsmanagement');

  await page.getByLabel(/^Stellenanteil/).fill('abc');
  const fte = page.getByLabel(/^Stellenanteil/);
  await page.waitForFunction(() => document.querySelector('input[name="positions[0].fte"]')?.getAttribute('aria-invalid') === 'true');
  const errorId = (await fte.getAttribute('aria-describedby')).split(' ').pop();
  const detail = await page.locator(`#${errorId}`).textContent();
  assert.equal(detail, 'Stellenanteil \'abc\' ist kein Stellenanteil: erwartet wird eine Dezimalzahl mit Punkt und höchstens zwei'
    + ' Nachkommastellen, z. B. "0.5".');
  await page.screenshot({ path: `${SHOTS}/09-antragsformular-fehler.png`, fullPage: true });

  await fte.fill('0.5');
  await page.locator('#preis-betrag', { hasText: '68.000,00 €' }).waitFor();
  await page.getByRole('button', { name: 'Antrag einreichen' }).click();
  await page.getByRole('heading', { name: 'Antrag 3', level: 1 }).waitFor();
  await page.locator('#zustand', { hasText: 'Eingereicht' }).waitFor();
  await check(page, '10-antrag-eingereicht', 'Antrag 3');
  // funds of the application approved in the first scenario: draw, prove less than drawn, the reclaim follows
  await page.goto(`${URL_}/ui/#/antraege/1`);
  await page.locator('#zustand', { hasText: 'Bewilligt' }).waitFor();
  await page.getByLabel('Betrag in Euro', { exact: true }).fill('30.000,00');
  await page.getByRole('button', { name: 'Abrufen' }).click();
  await page.getByRole('cell', { name: '30.000,00 €' }).waitFor();
  await page.getByLabel('Verwendet in Euro').fill('25.000,00');
  await page.getByRole('button', { name: 'Nachweis einreichen' }).click();
  await page.getByRole('table', { name: 'Rückforderungen' }).getByRole('cell', { name: '5.000,00 €' }).waitFor();
  await check(page, '12b-antrag-mittel', 'Antrag 1');
  await page.getByRole('link', { name: 'Mittelübersicht' }).click();
  await page.getByRole('heading', { name: 'Ulm, Universitätsstadt (08421000), 2017' }).waitFor();
  await check(page, '13-mitteluebersicht', 'Mittelübersicht');
  await context.close();
});

test('a caseworker sees only the own caseload; a municipality cannot open another one\'s application by URL', { timeout: 180000 }, async () => {
  const { context, page } = await session();
  await login(page, ['cm1', 'fallarbeit-pw-1']);
  await page.getByRole('heading', { name: 'Fallbestand – Integrationsmanagement' }).waitFor();
  await page.getByRole('link', { name: 'ULM-0001' }).waitFor();
  assert.equal(await page.getByRole('link', { name: 'ULM-0002' }).count(), 0);
  await check(page, '11-fallbestand', 'Fallbestand – Integrationsmanagement');
  await page.goto(`${URL_}/ui/#/bereich/integration-management/faelle/ULM-0002`);
  await page.getByRole('alert').filter({ hasText: 'ULM-0002' }).waitFor();
  assert.match(await page.getByRole('alert').textContent(), /unbekannt/);
  await logout(page);

  await login(page, ['ulm1', 'ulm-passwort-1']);
  await page.goto(`${URL_}/ui/#/antraege/2`);
  await page.getByRole('alert').waitFor();
  assert.match(await page.getByRole('alert').textContent(), /Antrag 2 ist unbekannt/);
  assert.equal(await page.getByText('08111000').count(), 0);
  await context.close();
});

async function rest(method, path, user, body) {
  const res = await fetch(`${URL_}${path}`, { method, headers: { Accept: 'application/json', 'Content-Type': 'application/json',
    Authorization: `Basic ${Buffer.from(user.join(':')).toString('base64')}` }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, json: await res.json().catch(() => null) };
}

/** Sets the platform's day and waits until the core's pricing door prices the draft (which the real day would refuse). */
async function dayOf(instant, draft) {
  karaf(`config:property-set -p de.paktwerk.clock fixedInstant ${instant}`);
  for (let i = 0; i < 100; i++) {
    if ((await rest('POST', '/api/core/applications/pricing', ULM, draft)).status === 200) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`Die Plattform bepreist den Entwurf nicht am ${instant}`);
}

const ULM = ['ulm1', 'ulm-passwort-1'];
const CAMEL_OR_CODE = /\b([a-z]+[A-Z][A-Za-z]*|[A-Z][A-Z0-9]*_[A-Z0-9_]+|[A-Z]{4,})\b/;

/** Every label, legend and choice of the application form as shown: German words only, no field names or codes. */
async function formWords(page) {
  return page.evaluate(() => [...document.querySelectorAll('form.application label, form.application legend, form.application option')]
    .filter((e) => e.offsetParent !== null || e.tagName === 'OPTION').map((e) => e.textContent.trim()).filter(Boolean));
}

// what a municipality fills in, per area; the amount each area's rules give for it (worked out by hand, see the ITs)
const APPLICATIONS = {
  'youth-career': {
    period: '2018', term: 'Schuljahr 2018/19', amount: '5.500,00 €', api: '5500.00', // 0.50 FTE × 11,000.00 € (Jugendberufshelfer)
    fill: async (page) => {
      await page.getByLabel(/^Teilprogramm/).selectOption({ label: 'Jugendberufshelfer' });
      await page.getByLabel(/^Stellenanteil/).fill('0,5');
    },
  },
  'language-courses': {
    period: '2017', term: 'Kursperiode 2017/18', amount: '16.488,00 €', api: '16488.00', day: '2017-07-10T08:00:00Z', // 300 UE × 12 × 4,58 €
    draft: (provider) => ({ applicantKey: '08421000', areaId: 'language-courses', periodId: '2017', payload: { courses: [{ title: 'Grundkurs A1 Ulm',
      providerId: provider, format: 'BASIC', targetLevel: 'A1', plannedUnits: 300, unitsPerWeek: 10, timeOfDay: 'DAY', capacity: 15,
      plannedParticipants: 12, start: '2017-09-04', end: '2018-06-29', location: 'VHS Ulm' }] } }),
    fill: async (page) => {
      await page.getByLabel(/^Kurstitel/).fill('Grundkurs A1 Ulm');
      await page.getByLabel(/^Kursformat/).selectOption({ label: 'Grundkurs' });
      await page.getByLabel(/^Zielniveau/).selectOption({ label: 'Niveau A1' });
      await page.getByLabel(/^Kursträger/).selectOption({ label: 'Volkshochschule Ulm' });
      await page.getByLabel(/^Kursort/).fill('VHS Ulm');
      await page.getByLabel(/^Erster Kurstag/).fill('2017-09-04');
      await page.getByLabel(/^Letzter Kurstag/).fill('2018-06-29');
      await page.getByLabel(/^Geplante Unterrichtseinheiten/).fill('300');
      await page.getByLabel(/^Unterrichtseinheiten je Woche/).fill('10');
      await page.getByLabel(/^Tageszeit/).selectOption({ label: 'tagsüber' });
      await page.getByLabel(/^Plätze/).fill('15');
      await page.getByLabel(/^Geplante Teilnehmende/).fill('12');
    },
  },
  'civic-engagement': {
    period: '2019', amount: '12.000,00 €', api: '12000.00', day: '2019-09-01T08:00:00Z', // the grant asked for, within 40 % personnel
    draft: (provider, call) => ({ applicantKey: '08421000', areaId: 'civic-engagement', periodId: '2019', payload: { callId: call, kind: 'PROJECT',
      project: { title: 'Sprachcafé', totalCosts: '14000.00', ownContribution: '2000.00', personnelCosts: '4800.00', grant: '12000.00',
        start: '2019-11-01', end: '2020-10-31' } } }),
    fill: async (page) => {
      await page.getByLabel(/^Aufruf/).selectOption({ label: 'Zusammenhalt 2019 (Frist 2019-10-10)' });
      await page.getByLabel(/^Art des Vorhabens/).selectOption({ label: 'Projekt' });
      const project = page.getByRole('group', { name: 'Projekt mit Finanzierungsplan' });
      await project.getByLabel(/^Projekttitel/).fill('Sprachcafé');
      await project.getByLabel(/^Gesamtausgaben in Euro/).fill('14.000,00');
      await project.getByLabel(/^Eigenanteil in Euro/).fill('2.000,00');
      await project.getByLabel(/^Personalausgaben in Euro/).fill('4.800,00');
      await project.getByLabel(/^Beantragter Zuschuss in Euro/).fill('12.000,00');
      await project.getByLabel(/^Projektbeginn/).fill('2019-11-01');
      await project.getByLabel(/^Projektende/).fill('2020-10-31');
    },
  },
};

test('every area: its form shows German words only and one variant; Ulm applies through it at the core\'s price, the office decides', { timeout: 240000 }, async () => {
  const provider = (await rest('GET', '/api/core/municipalities/08421000/providers', ULM)).json[0].id;
  const call = (await rest('GET', '/api/civic-engagement/calls', ADMIN)).json[0].id;
  const { context, page } = await session();
  await login(page, ULM);
  // the labels of every area's form, integration management's included
  for (const a of (await rest('GET', '/api/core/funding-areas', ADMIN)).json) {
    await page.goto(`${URL_}/ui/#/bereich/${a.id}/neu`);
    await page.getByRole('heading', { name: `Neuer Antrag: ${a.title}` }).waitFor();
    await page.locator('form.application').waitFor();
    const words = await formWords(page);
    assert.deepEqual(words.filter((w) => CAMEL_OR_CODE.test(w)), [], `Feldnamen oder Codes im Formular ${a.id}`);
  }
  // civic engagement shows one kind of project at a time
  await page.goto(`${URL_}/ui/#/bereich/civic-engagement/neu`);
  await page.getByLabel(/^Art des Vorhabens/).selectOption({ label: 'Projekt' });
  assert.equal(await page.getByRole('group', { name: 'Projekt mit Finanzierungsplan' }).isVisible(), true);
  assert.equal(await page.getByRole('group', { name: /^Nachbarschaftsgespräche/ }).count(), 0);

  await context.close();

  // per area: the platform's day of the programme (sessions end when the clock jumps, so each step logs in anew)
  for (const [area, a] of Object.entries(APPLICATIONS)) {
    if (a.day) await dayOf(a.day, a.draft(provider, call));
    const applicant = await session();
    await login(applicant.page, ULM);
    const form = applicant.page;
    await form.goto(`${URL_}/ui/#/bereich/${area}/neu`);
    await form.locator('form.application').waitFor();
    await form.getByLabel('Förderzeitraum', { exact: true }).selectOption(a.period);
    if (a.term) assert.equal(await form.getByLabel(a.term.split(' ')[0], { exact: true }).locator('option:checked').textContent(), a.term);
    await a.fill(form, { provider, call });
    try {
      await form.locator('#preis-betrag', { hasText: a.amount }).waitFor();
    } catch (e) {
      await form.screenshot({ path: `${SHOTS}/fehler-${area}.png`, fullPage: true });
      throw new Error(`${area}: kein Preis ${a.amount}; die Seite sagt: ${await form.locator('form.application').innerText()}`);
    }
    await check(form, `24-${area}-antrag`, /^Neuer Antrag/);
    await form.getByRole('button', { name: 'Antrag einreichen' }).click();
    await form.locator('#zustand', { hasText: 'Eingereicht' }).waitFor();
    const id = Number(/antraege\/(\d+)/.exec(form.url())[1]);
    await applicant.context.close();

    const office = await session();
    await login(office.page, ['approver1', 'pruefen-pruefen-1']);
    await office.page.goto(`${URL_}/ui/#/antraege/${id}`);
    await office.page.getByRole('heading', { name: `Antrag ${id}`, level: 1 }).waitFor();
    await office.page.getByLabel('Ergebnis').selectOption('APPROVED');
    await office.page.getByLabel('Betrag in Euro', { exact: true }).fill(a.amount.replace(' €', ''));
    await office.page.getByRole('button', { name: 'Entscheidung speichern' }).click();
    await office.page.locator('#zustand', { hasText: 'Bewilligt' }).waitFor();
    await office.context.close();
    const back = (await rest('GET', `/api/core/applications/${id}`, ADMIN)).json;
    assert.deepEqual([back.areaId, back.state, back.priced, back.requested, back.applicantKey], [area, 'APPROVED', a.api, a.api, '08421000']);
  }
  karaf('config:delete de.paktwerk.clock');
});

test('integration management is uninstalled while a user works: its menu entry goes, the rest works; reinstalled it is back', { timeout: 180000 }, async () => {
  const { context, page } = await session();
  await login(page, ADMIN);
  const menu = page.getByRole('navigation');
  const im = menu.getByRole('link', { name: 'Integrationsmanagement', exact: true });
  await im.waitFor();
  await page.goto(`${URL_}/ui/#/betrieb`);
  await check(page, '12-betrieb', 'Betrieb');
  await page.getByRole('cell', { name: 'de.paktwerk.paktwerk-integration-management' }).waitFor();

  karaf('feature:uninstall paktwerk-integration-management');
  await im.waitFor({ state: 'detached', timeout: 60000 });
  await menu.getByRole('link', { name: 'Anträge', exact: true }).click();
  await page.getByRole('link', { name: 'Nr. 1', exact: true }).waitFor();
  await menu.getByRole('link', { name: 'Junge Geflüchtete in Schule und Beruf' }).or(menu.getByRole('link', { name: /Schule und Beruf/ })).first().waitFor();

  karaf('feature:install paktwerk-integration-management');
  await im.waitFor({ timeout: 60000 });
  await im.click();
  await page.getByRole('heading', { name: 'Integrationsmanagement', level: 1 }).waitFor();
  await context.close();
});

test('keyboard only: log in, skip to the content, reach a page from the menu', { timeout: 180000 }, async () => {
  const { context, page } = await session();
  await page.goto(`${URL_}/ui/`);
  await page.getByLabel('Benutzername').waitFor();
  const focused = () => page.evaluate(() => {
    const a = document.activeElement;
    return a ? (a.getAttribute('aria-label') || a.labels?.[0]?.textContent || a.textContent || a.id).trim() : '';
  });
  assert.equal(await focused(), 'Benutzername'); // the login form has the focus at once
  await page.keyboard.type('approver1');
  await page.keyboard.press('Tab');
  await page.keyboard.type('pruefen-pruefen-1');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Abmelden' }).waitFor();
  await page.getByRole('heading', { name: 'Übersicht', level: 1 }).waitFor();
  // the heading comes first, the page's content after its requests; then the page takes the focus to the content
  await page.waitForFunction(() => document.activeElement?.id === 'inhalt');
  // the next Tab starts from the top of the page, as after loading it
  const toTop = () => page.evaluate(() => { document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex'); });
  await toTop();
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Zum Inhalt springen');
  await page.keyboard.press('Enter');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'inhalt');
  await toTop();
  for (const expected of ['Zum Inhalt springen', 'Abmelden', 'Übersicht', 'Anträge']) {
    await page.keyboard.press('Tab');
    assert.equal(await focused(), expected);
  }
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Anträge', level: 1 }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'inhalt'); // a new page takes the focus to its content
  await page.keyboard.press('Tab');
  assert.equal(await focused(), 'Zustand');
  await context.close();
});

test('every page of every funding area passes axe-core', { timeout: 180000 }, async () => {
  const { context, page } = await session();
  await login(page, ADMIN);
  const res = await fetch(`${URL_}/api/core/funding-areas`, { headers: { Accept: 'application/json',
    Authorization: `Basic ${Buffer.from(ADMIN.join(':')).toString('base64')}` } });
  const areas = await res.json();
  assert.deepEqual(areas.map((a) => a.id).sort(), ['civic-engagement', 'integration-management', 'language-courses', 'youth-career']);
  for (const a of areas) {
    await page.goto(`${URL_}/ui/#/bereich/${a.id}`);
    await check(page, `20-${a.id}`, a.title);
    await page.goto(`${URL_}/ui/#/bereich/${a.id}/neu`);
    await check(page, `21-${a.id}-neu`, `Neuer Antrag: ${a.title}`);
  }
  await page.goto(`${URL_}/ui/#/rueckforderungen`);
  await page.getByRole('cell', { name: '5.000,00 €' }).waitFor();
  await check(page, '23-rueckforderungen', 'Rückforderungen');
  await page.goto(`${URL_}/ui/#/bereich/integration-management/faelle/ULM-0001`);
  await check(page, '22-fall', 'Fallbestand – Integrationsmanagement');
  await page.goto(`${URL_}/api/docs/index.html`);
  await page.locator('.swagger-ui .info').first().waitFor();
  await context.close();
  assert.deepEqual(cspViolations, [], 'keine Verletzung der Content-Security-Policy und kein Skriptfehler');
  console.log(`axe-core geprüft auf ${checked.length} Seiten: ${checked.join(', ')}`);
});
