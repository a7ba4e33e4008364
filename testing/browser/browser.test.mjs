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
  // the start page says what waits, with the counts the REST API gives, and the menu carries them as badges
  const waiting = (await rest('GET', '/api/core/decisions/awaiting-confirmation', ['approver2', 'pruefen-pruefen-2'])).json;
  assert.deepEqual(waiting.map((d) => d.applicationId), [1]);
  const work = page.locator('section.work');
  await work.getByRole('link', { name: '1 Entscheidung wartet auf Ihre Bestätigung als zweite Person' }).waitFor();
  assert.equal(await page.locator('nav#menu a[href="#/vier-augen"] .badge').textContent(), '1');
  await page.getByRole('link', { name: 'Vier-Augen-Prüfung' }).click();
  await check(page, '06-vier-augen', 'Vier-Augen-Prüfung');
  // the queue shows who applied, the area, the amount and the conditions, and asks before confirming
  const row = page.locator('tbody tr', { hasText: 'Nr. 1' });
  assert.deepEqual((await row.locator('th, td').allTextContents()).slice(0, 7), ['Nr. 1', 'Ulm, Universitätsstadt (08421000)', 'Integrationsmanagement', 'Bewilligt',
    '102.000,00 €', 'Nachweis der Qualifikation bis 31.12.2017', 'approver1']);
  await page.getByRole('button', { name: 'Entscheidung zu Antrag 1 bestätigen' }).click();
  await page.getByRole('heading', { name: 'Entscheidung zu Antrag 1 bestätigen?' }).waitFor();
  await check(page, '06a-vier-augen-pruefen', 'Vier-Augen-Prüfung');
  await page.getByRole('button', { name: 'Abbrechen' }).click();
  assert.equal((await rest('GET', '/api/core/decisions/awaiting-confirmation', ['approver2', 'pruefen-pruefen-2'])).json.length, 1, 'Abbrechen bestätigt nichts');
  await page.getByRole('button', { name: 'Entscheidung zu Antrag 1 bestätigen' }).click();
  await page.getByRole('button', { name: 'Ja, bestätigen' }).click();
  await page.getByText('Keine Entscheidung wartet auf Ihre Bestätigung.').waitFor();
  assert.equal((await rest('GET', '/api/core/applications/1/decision', ['approver2', 'pruefen-pruefen-2'])).json.confirmedBy, 'approver2');
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

  // per area: the platform's day of the programme (sessions end when the clock jumps, so each step logs in anew);
  // the clock is given back however the walk ends, so that a failure here does not fail the tests after it
  try {
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
  } finally {
    karaf('config:delete de.paktwerk.clock');
  }
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
    if (!a) return '';
    const seen = a.cloneNode(true); // what is read out: without what is hidden from assistive technology (a menu badge)
    seen.querySelectorAll('[aria-hidden="true"]').forEach((x) => x.remove());
    return (a.getAttribute('aria-label') || a.labels?.[0]?.textContent || seen.textContent || a.id).trim();
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
  assert.equal(await focused(), 'Antragsteller (Name oder Schlüssel)');
  await context.close();
});

const APPROVER1 = ['approver1', 'pruefen-pruefen-1'];
const euro = (amount) => `${new Intl.NumberFormat('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(amount))} €`.replace(/^-/, '−');

test('the office finds Ulm\'s applications by typing "Ulm" and sees no drafts; 1,101 shares page, sort, search and stand beside the provisional run', { timeout: 180000 }, async () => {
  // a draft of Ulm's: Ulm lists it, the office does not (it is not filed yet)
  const draft = await rest('POST', '/api/core/applications', ULM, { applicantKey: '08421000', areaId: 'integration-management', periodId: '2017',
    requested: '1000.00', payload: { positions: [{ managerName: 'B. Entwurf', fte: '0.25', qualification: 'SOCIAL_WORK', hireDate: '2017-10-01' }] } });
  assert.equal(draft.status, 201, JSON.stringify(draft.json));
  assert.equal(draft.json.state, 'DRAFT');
  const names = new Map((await rest('GET', '/api/core/municipalities?limit=2000', APPROVER1)).json.items.map((m) => [m.key, m.name]));
  const own = (await rest('GET', '/api/core/applications?limit=2000', ULM)).json.items;
  assert.ok(own.some((a) => a.id === draft.json.id), 'Ulm sieht den eigenen Entwurf');
  const filed = (await rest('GET', '/api/core/applications?limit=2000', APPROVER1)).json.items;
  assert.deepEqual(filed.filter((a) => a.state === 'DRAFT').map((a) => a.id), [], 'die Bewilligungsstelle sieht keine Entwürfe');
  const ulms = filed.filter((a) => names.get(a.applicantKey).toLowerCase().includes('ulm'));

  const { context, page } = await session();
  await login(page, APPROVER1);
  await page.getByRole('link', { name: 'Anträge', exact: true }).click();
  await page.getByRole('heading', { name: 'Anträge', level: 1 }).waitFor();
  await page.getByLabel('Antragsteller (Name oder Schlüssel)').fill('Ulm');
  await page.getByRole('button', { name: 'Suchen' }).click();
  const caption = ulms.length === 1 ? '1 Antrag' : `${ulms.length} Anträge`;
  await page.locator('caption', { hasText: new RegExp(`^${caption}$`) }).waitFor();
  const shown = await page.locator('tbody tr td:nth-child(2)').allTextContents();
  assert.deepEqual(shown, ulms.slice(0, 50).map((a) => `${names.get(a.applicantKey)} (${a.applicantKey})`));
  assert.ok(shown.includes('Ulm, Universitätsstadt (08421000)'));
  await check(page, '30-antraege-suche-ulm', 'Anträge');

  // a final run of integration management 2017 beside the provisional one
  await page.getByRole('link', { name: 'Verteilungen' }).click();
  await page.getByRole('heading', { name: 'Verteilungen', level: 1 }).waitFor();
  await page.getByLabel('Förderzeitraum', { exact: true }).selectOption('2017');
  await page.getByLabel('Förderbereich', { exact: true }).selectOption('integration-management');
  await page.getByRole('link', { name: 'Nr. 1', exact: true }).waitFor();
  await page.getByLabel('Art', { exact: true }).selectOption('FINAL');
  await page.getByLabel('Betrag in Euro', { exact: true }).fill('35.000.000,00');
  await page.getByRole('button', { name: 'Verteilung berechnen' }).click();
  const made = await page.getByText(/^Verteilung Nr\. \d+ berechnet: 35\.000\.000,00 €/).textContent();
  const finalId = Number(made.match(/Nr\. (\d+)/)[1]);
  const runs = (await rest('GET', '/api/core/distributions?area=integration-management&period=2017', APPROVER1)).json;
  assert.equal(runs.find((r) => r.id === finalId).kind, 'FINAL');
  const provisional = runs.find((r) => r.kind === 'PROVISIONAL');
  const shares = (await rest('GET', `/api/core/distributions/${finalId}/shares?limit=2000`, APPROVER1)).json;
  const before = new Map((await rest('GET', `/api/core/distributions/${provisional.id}/shares?limit=2000`, APPROVER1)).json.items
    .map((x) => [x.bodyKey, x.amount]));
  const pages = Math.ceil(shares.total / 50);
  const cents = (a) => Math.round(Number(a) * 100);
  assert.equal(shares.items.reduce((sum, x) => sum + cents(x.amount), 0), 3_500_000_000);

  await page.getByRole('link', { name: `Nr. ${finalId}`, exact: true }).click();
  await page.locator('caption', { hasText: `Anteile des Laufs Nr. ${finalId}: ${shares.total.toLocaleString('de-DE')} Körperschaften` }).waitFor();
  await page.getByText(`Seite 1 von ${pages}`, { exact: true }).waitFor();
  await page.getByRole('columnheader', { name: `Vorläufig (Lauf Nr. ${provisional.id})` }).waitFor();
  await check(page, '31-verteilung-endgueltig', 'Verteilungen');
  // the largest share first, after two clicks on "Anteil"
  const largest = [...shares.items].sort((x, y) => cents(y.amount) - cents(x.amount) || x.bodyKey.localeCompare(y.bodyKey))[0];
  await page.getByRole('button', { name: /^Anteil/ }).click();
  await page.locator('th[aria-sort="ascending"]', { hasText: 'Anteil' }).waitFor();
  await page.getByRole('button', { name: /^Anteil/ }).click();
  await page.locator('th[aria-sort="descending"]', { hasText: 'Anteil' }).waitFor();
  const first = await page.locator('#lauf tbody tr').first().locator('th, td').allTextContents();
  assert.deepEqual(first, [`${names.get(largest.bodyKey)} (${largest.bodyKey})`, Number(largest.weight).toLocaleString('de-DE'), euro(largest.amount),
    euro(before.get(largest.bodyKey)), euro((cents(largest.amount) - cents(before.get(largest.bodyKey))) / 100)]);
  await page.getByRole('button', { name: 'Nächste Seite' }).click();
  await page.getByText(`Seite 2 von ${pages}`, { exact: true }).waitFor();
  // search within the run
  await page.getByRole('searchbox', { name: 'Körperschaft suchen (Name oder Schlüssel)' }).fill('Ulm');
  await page.getByRole('button', { name: 'Suchen' }).last().click();
  const ulmShares = shares.items.filter((x) => names.get(x.bodyKey).toLowerCase().includes('ulm'));
  await page.locator('caption', { hasText: `Anteile des Laufs Nr. ${finalId}: ${ulmShares.length} Körperschaften` }).waitFor();
  assert.ok((await page.locator('#lauf tbody tr th').allTextContents()).includes('Ulm, Universitätsstadt (08421000)'));
  // the CSV of every share
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Als CSV herunterladen' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '').trim().split(/\r?\n/);
  assert.equal(csv.length, 1 + shares.total);
  console.log(`Anteile des endgültigen Laufs: ${shares.total} Körperschaften auf ${pages} Seiten; Suche „Ulm“: ${ulms.length} Anträge`);
  await context.close();
});

test('the second person gives a decision back with a reason, asked on the page; whoever decides anew reads it at the application', { timeout: 120000 }, async () => {
  const APPROVER2 = ['approver2', 'pruefen-pruefen-2'];
  const draft = { applicantKey: '08421000', areaId: 'integration-management', periodId: '2017',
    payload: { positions: [{ managerName: 'C. Zurück', fte: '1.0', qualification: 'SOCIAL_WORK', hireDate: '2017-10-01' },
      { managerName: 'D. Zurück', fte: '1.0', qualification: 'SOCIAL_WORK', hireDate: '2017-10-01' }] } };
  const price = await rest('POST', '/api/core/applications/pricing', ULM, draft);
  assert.equal(price.status, 200, JSON.stringify(price.json));
  // asked for what the rules give, above the four-eyes threshold of 100,000.00
  const made = await rest('POST', '/api/core/applications', ULM, { ...draft, requested: price.json.amount });
  assert.equal(made.status, 201, JSON.stringify(made.json));
  const id = made.json.id;
  assert.equal((await rest('POST', `/api/core/applications/${id}/submit`, ULM)).status, 200);
  const decided = await rest('POST', `/api/core/applications/${id}/decision`, APPROVER1, { outcome: 'APPROVED', amount: price.json.amount });
  assert.equal(decided.json.needsConfirmation, true, JSON.stringify(decided.json));

  const { context, page } = await session();
  await login(page, APPROVER2);
  await page.goto(`${URL_}/ui/#/vier-augen`);
  await page.getByRole('button', { name: `Entscheidung zu Antrag ${id} zurückgeben` }).click();
  await page.getByRole('heading', { name: `Entscheidung zu Antrag ${id} zurückgeben?` }).waitFor();
  await page.getByRole('button', { name: 'Zurückgeben', exact: true }).click();
  await page.getByText('Bitte den Grund der Rückgabe angeben.').waitFor();
  assert.equal((await rest('GET', '/api/core/decisions/awaiting-confirmation', APPROVER2)).json.filter((d) => d.applicationId === id).length, 1);
  await page.getByLabel('Grund der Rückgabe').fill('Stellenplan fehlt');
  await page.getByRole('button', { name: 'Zurückgeben', exact: true }).click();
  await page.getByRole('button', { name: `Entscheidung zu Antrag ${id} zurückgeben` }).waitFor({ state: 'detached' });
  const returned = (await rest('GET', `/api/core/applications/${id}/returned-decisions`, APPROVER1)).json;
  assert.deepEqual(returned.map((r) => [r.decidedBy, r.outcome, r.amount, r.returnedBy, r.reason]),
    [['approver1', 'APPROVED', price.json.amount, 'approver2', 'Stellenplan fehlt']]);
  assert.equal((await rest('GET', `/api/core/applications/${id}`, APPROVER1)).json.state, 'SUBMITTED');
  await page.goto(`${URL_}/ui/#/antraege/${id}`);
  await page.getByRole('cell', { name: 'Stellenplan fehlt' }).waitFor();
  await check(page, '32-antrag-zurueckgegeben', `Antrag ${id}`);
  await context.close();
});

test('youth & career brings its own pages: Ulm records a school (refused first, next to the field), sees its funded position and the school year\'s report with CSV', { timeout: 120000 }, async () => {
  const Y = '/api/youth-career';
  const { context, page } = await session();
  await login(page, ULM);
  const area = page.locator('li[data-area="youth-career"]');
  await area.getByRole('link', { name: 'Schulen', exact: true }).click();
  await page.getByRole('heading', { name: 'Schulen – Junge Flüchtlinge in Schule und Beruf', level: 1 }).waitFor();
  await page.getByLabel('Schulnummer').fill('12');
  await page.getByLabel('Name der Schule').fill('Gewerbliche Schule Ulm – Abteilung für Zugewanderte');
  await page.getByLabel('Schulart').selectOption({ label: 'Berufliche Schule' });
  await page.getByLabel('VABO-Klassen').fill('3');
  await page.getByLabel('Geflüchtete Schülerinnen und Schüler').fill('42');
  await page.getByRole('button', { name: 'Schule speichern' }).click();
  await page.locator('.field', { hasText: 'Schulnummer' }).getByText('Die Schulnummer (Dienststellennummer) besteht aus 5 bis 12 Ziffern.').waitFor();
  assert.equal((await rest('GET', `${Y}/schools/12`, ULM)).status, 404, 'abgelehnt heißt: nichts gespeichert');
  await page.getByLabel('Schulnummer').fill('04199001');
  await page.getByRole('button', { name: 'Schule speichern' }).click();
  await page.getByText('Schule Gewerbliche Schule Ulm – Abteilung für Zugewanderte (04199001) erfasst.').waitFor();
  await page.getByRole('rowheader', { name: '04199001' }).waitFor();
  await check(page, '33-yc-schulen', 'Schulen – Junge Flüchtlinge in Schule und Beruf');
  const school = (await rest('GET', `${Y}/schools/04199001`, ULM)).json;
  assert.deepEqual([school.name, school.municipalityKey, school.schoolType, school.classesVabo, school.classesVkl, school.refugeePupils],
    ['Gewerbliche Schule Ulm – Abteilung für Zugewanderte', '08421000', 'BERUFLICH', 3, 0, 42]);

  // the positions the office's decisions funded, per school year, as the REST API lists them for Ulm
  const positions = (await rest('GET', `${Y}/positions`, ULM)).json;
  assert.equal(positions.length, 1, JSON.stringify(positions));
  const p = positions[0];
  await area.getByRole('link', { name: 'Geförderte Stellen' }).click();
  await page.getByRole('heading', { name: 'Geförderte Stellen – Junge Flüchtlinge in Schule und Beruf', level: 1 }).waitFor();
  await page.getByRole('textbox', { name: 'Schuljahr', exact: true }).fill(p.schoolYear);
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await page.locator('caption', { hasText: `Geförderte Stellen ${p.schoolYear} (1)` }).waitFor();
  assert.deepEqual(await page.locator('tbody tr').first().locator('th, td').allTextContents(), [String(p.id), 'Jugendberufshelfer', p.schoolYear,
    '08421000', p.fte, String(p.months), euro(p.funded), p.decisionNumber, p.schools.length ? p.schools.join(', ') : '–']);
  await check(page, '34-yc-stellen', 'Geförderte Stellen – Junge Flüchtlinge in Schule und Beruf');

  const report = (await rest('GET', `${Y}/reports?schoolYear=${encodeURIComponent(p.schoolYear)}`, ULM)).json;
  await area.getByRole('link', { name: 'Bericht je Schuljahr' }).click();
  await page.getByRole('heading', { name: 'Bericht je Schuljahr – Junge Flüchtlinge in Schule und Beruf', level: 1 }).waitFor();
  await page.getByRole('textbox', { name: 'Schuljahr', exact: true }).fill(p.schoolYear);
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await page.locator('caption', { hasText: `Bericht je Schuljahr ${p.schoolYear} (${report.length})` }).waitFor();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Als CSV herunterladen' }).click()]);
  const csv = readFileSync(await download.path(), 'utf8').replace(/^\ufeff/, '').split('\r\n');
  assert.equal(csv[0], 'Träger;Teilprogramm;Stellen;Stellenanteile;Gefördert;Erreichte Schülerinnen und Schüler;Beratene;Ausbildungsverträge');
  assert.equal(csv.length, 1 + report.length);
  assert.equal(csv[1].split(';').slice(0, 5).join(';'), `08421000;Jugendberufshelfer;${report[0].positions};${report[0].fte};${report[0].funded.replace('.', ',')}`);
  await check(page, '35-yc-bericht', 'Bericht je Schuljahr – Junge Flüchtlinge in Schule und Beruf');
  await context.close();
});

test('civic engagement brings its own pages: the office opens a call through the generated form (any Unicode in its title), listed in German and read back over REST', { timeout: 120000 }, async () => {
  const title = 'Nachbarschaft 2027 – شراكة 🤝';
  const { context, page } = await session();
  await login(page, APPROVER1);
  await page.locator('li[data-area="civic-engagement"]').getByRole('link', { name: 'Aufrufe', exact: true }).click();
  await page.getByRole('heading', { name: 'Aufrufe – Bürgerschaftliches Engagement und Zivilgesellschaft', level: 1 }).waitFor();
  await page.getByLabel('Titel des Aufrufs').fill(title);
  await page.getByLabel('Budget des Aufrufs in Euro').fill('250.000,00');
  await page.getByLabel('Frist für Anträge').fill('2027-03-31');
  await page.getByLabel('Laufzeit ab').fill('2027-05-01');
  await page.getByLabel('Laufzeit bis').fill('2027-12-31');
  await page.getByLabel('Fördergegenstände 1').selectOption({ label: 'Projekt' });
  await page.getByLabel('Antragsberechtigt 1').selectOption({ label: 'Vereine' });
  await page.getByRole('button', { name: 'Antragsberechtigt: Eintrag hinzufügen' }).click();
  await page.getByLabel('Antragsberechtigt 2').selectOption({ label: 'Gemeinden' });
  await page.getByLabel('Zuschuss mindestens (Euro)').fill('1.000,00');
  await page.getByLabel('Zuschuss höchstens (Euro)').fill('20.000,00');
  await page.getByLabel('Eigenanteil mindestens (Prozent)').fill('10');
  await page.getByRole('button', { name: 'Aufruf eröffnen' }).click();
  const done = await page.getByText(/^Aufruf Nr\. \d+ „.*“ eröffnet\.$/).textContent();
  assert.equal(done.replace(/^Aufruf Nr\. \d+ /, ''), `„${title}“ eröffnet.`);
  const id = Number(done.match(/Nr\. (\d+)/)[1]);
  const call = (await rest('GET', `/api/civic-engagement/calls/${id}`, APPROVER1)).json;
  assert.deepEqual([call.title, call.budget, call.deadline, call.kinds, call.eligible, call.grantMin, call.grantMax, call.minOwnSharePercent, call.termStart, call.termEnd],
    [title, '250000.00', '2027-03-31', ['PROJECT'], ['GEMEINDE', 'ASSOCIATION'], '1000.00', '20000.00', 10, '2027-05-01', '2027-12-31']);
  const row = page.locator('tbody tr', { has: page.getByRole('rowheader', { name: String(id), exact: true }) });
  assert.deepEqual((await row.locator('th, td').allTextContents()).slice(0, 6),
    [String(id), title, '250.000,00 €', '31.03.2027', 'Projekt', 'Gemeinden, Vereine']);
  await check(page, '36-ce-aufrufe', 'Aufrufe – Bürgerschaftliches Engagement und Zivilgesellschaft');
  await context.close();
});

test('a caseworker creates a case and its integration plan through forms generated from the schemas, refused first next to the field; read back over REST', { timeout: 120000 }, async () => {
  const CM1 = ['cm1', 'fallarbeit-pw-1'];
  const { context, page } = await session();
  await login(page, CM1);
  await page.getByRole('link', { name: 'Fallbestand', exact: true }).click();
  await page.getByRole('heading', { name: 'Fall anlegen' }).waitFor();
  await page.getByLabel(/^Fallkennung/).fill('ULM-0003');
  await page.getByLabel(/^Kommune \(amtlicher Schlüssel\)/).fill('08421000');
  await page.getByLabel(/^Geburtsjahr/).fill('1988');
  await page.getByLabel(/^Herkunftsland/).fill('Afghanistan');
  await page.getByLabel(/^Personen im Haushalt/).fill('3');
  await page.getByLabel(/^Ankunft in Deutschland/).fill('2016-04-01');
  await page.getByLabel(/^Beratung seit/).fill('2025-12-01');
  await page.getByRole('button', { name: 'Fall anlegen' }).click();
  await page.getByText('Herkunftsland als ISO-Code aus zwei oder drei Großbuchstaben angeben (z. B. SYR).').waitFor();
  assert.equal(await page.getByLabel(/^Herkunftsland/).getAttribute('aria-invalid'), 'true');
  await page.getByLabel(/^Herkunftsland/).fill('AFG');
  await page.getByRole('button', { name: 'Fall anlegen' }).click();
  await page.getByRole('heading', { name: 'Fall ULM-0003' }).waitFor();
  await page.getByRole('heading', { name: 'Integrationsplan festlegen' }).waitFor();
  await page.getByLabel(/^Vereinbart am/).fill('2025-12-10');
  await page.getByLabel(/^Fortschreibung alle/).fill('3');
  await page.getByLabel(/^Lebensbereich/).selectOption({ label: 'Sprache' });
  await page.getByLabel(/^Ziel \(Pflichtfeld\)/).fill('Deutsch B1');
  await page.getByLabel(/^Maßnahme \(Pflichtfeld\)/).fill('Abendkurs');
  await page.getByLabel(/^Wer sie trägt/).selectOption({ label: 'Sprachkurs' });
  await page.getByRole('button', { name: 'Plan speichern' }).click();
  await page.getByText(/^Integrationsplan vereinbart am 10\.12\.2025; nächste Fortschreibung bis \d\d\.\d\d\.\d{4}\.$/).waitFor();
  await check(page, '13-fall-neu', 'Fallbestand – Integrationsmanagement');
  const c = (await rest('GET', '/api/integration-management/cases/ULM-0003', CM1)).json;
  assert.deepEqual([c.municipalityKey, c.positionId, c.birthYear, c.country, c.householdSize, c.arrivalDate, c.counsellingStart],
    ['08421000', 1, 1988, 'AFG', 3, '2016-04-01', '2025-12-01']);
  const plan = (await rest('GET', '/api/integration-management/cases/ULM-0003/plan', CM1)).json;
  assert.deepEqual([plan.agreedOn, plan.reviewIntervalMonths, plan.goals.map((g) => [g.lifeArea, g.description, g.measures.map((m) => [m.description, m.actor])])],
    ['2025-12-10', 3, [['LANGUAGE', 'Deutsch B1', [['Abendkurs', 'LANGUAGE_COURSE']]]]]);
  await context.close();
});

test('language courses bring their own pages: Ulm finds its approved course, enrols a participant through the generated form (refused first, next to the field) and reads the course report; read back over REST', { timeout: 120000 }, async () => {
  const LC = '/api/language-courses';
  const courses = (await rest('GET', `${LC}/courses?coursePeriod=2017%2F18`, ULM)).json;
  assert.equal(courses.length, 1, 'Ulms bewilligter Kursplan aus dem Test „every area“');
  const c = courses[0];
  const { context, page } = await session();
  await login(page, ULM);
  const area = page.locator('li[data-area="language-courses"]');
  await area.getByRole('link', { name: 'Kurse', exact: true }).click();
  await page.getByRole('heading', { name: 'Kurse – Spracherwerb (VwV Deutsch)', level: 1 }).waitFor();
  await page.getByRole('textbox', { name: 'Kursperiode', exact: true }).fill('2017/18');
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await page.locator('caption', { hasText: 'Kurse 2017/18 (1)' }).waitFor();
  assert.deepEqual(await page.locator('tbody tr').first().locator('th, td').allTextContents(), [String(c.id), 'Grundkurs A1 Ulm', 'Grundkurs',
    'Niveau A1', '08421000', '04.09.2017', '29.06.2018', '300', '0', '15', '0', '0', c.decisionNumber]);
  await check(page, '37-lc-kurse', 'Kurse – Spracherwerb (VwV Deutsch)');

  await area.getByRole('link', { name: 'Teilnehmende', exact: true }).click();
  await page.getByRole('heading', { name: 'Teilnehmende – Spracherwerb (VwV Deutsch)', level: 1 }).waitFor();
  await page.getByRole('textbox', { name: 'Kurs (Nummer)', exact: true }).fill(String(c.id));
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await page.getByText('Noch niemand aufgenommen.').waitFor();
  await page.getByLabel(/^Aufenthaltsstatus/).selectOption({ label: 'anerkannt schutzberechtigt' });
  await page.getByLabel('Aufgenommen am').fill('2017-09-04');
  await page.getByRole('button', { name: 'Aufnehmen' }).click();
  const missing = page.getByText('Das Geburtsjahr fehlt oder ist unplausibel (z. B. 1990).');
  await missing.waitFor();
  assert.equal(await page.getByLabel(/^Geburtsjahr/).getAttribute('aria-invalid'), 'true');
  await page.getByLabel(/^Geburtsjahr/).fill('1990');
  await page.getByLabel(/^Kennung des Kreises/).fill('UL-2017-0001');
  await page.getByRole('button', { name: 'Aufnehmen' }).click();
  const done = await page.getByText(/^Teilnehmende Nr\. \d+ eingetragen\.$/).textContent();
  const pid = Number(done.match(/Nr\. (\d+)/)[1]);
  await page.locator('caption', { hasText: `Teilnehmende ${c.id} (1)` }).waitFor();
  assert.deepEqual(await page.locator('tbody tr').first().locator('th, td').allTextContents(),
    [String(pid), 'UL-2017-0001', '1990', 'anerkannt schutzberechtigt', 'aufgenommen', '–', '04.09.2017']);
  const p = (await rest('GET', `${LC}/participants/${pid}`, ULM)).json;
  assert.deepEqual([p.courseId, p.reference, p.birthYear, p.status, p.state, p.integrationCourseEntitled, p.enrolledOn],
    [c.id, 'UL-2017-0001', 1990, 'PROTECTED', 'ENROLLED', false, '2017-09-04']);
  await check(page, '38-lc-teilnehmende', 'Teilnehmende – Spracherwerb (VwV Deutsch)');

  await area.getByRole('link', { name: 'Bericht je Kurs', exact: true }).click();
  await page.getByRole('heading', { name: 'Bericht je Kurs – Spracherwerb (VwV Deutsch)', level: 1 }).waitFor();
  await page.getByRole('textbox', { name: 'Kursperiode', exact: true }).fill('2017/18');
  await page.getByRole('button', { name: 'Anzeigen' }).click();
  await page.locator('caption', { hasText: 'Bericht je Kurs 2017/18 (1)' }).waitFor();
  assert.deepEqual((await page.locator('tbody tr').first().locator('th, td').allTextContents()).slice(0, 7),
    [String(c.id), 'Grundkurs A1 Ulm', '08421000', 'Grundkurs', '0', '0', '1']);
  await check(page, '39-lc-bericht', 'Bericht je Kurs – Spracherwerb (VwV Deutsch)');
  await context.close();
});

const ALB_DONAU = ['adk1', 'albdonau-pass-1'];
const ALLMENDINGEN = ['allmendingen1', 'allmendingen-pw-1'];

test('the count survey: the office opens it, Allmendingen reports, the Alb-Donau-Kreis gives it back, confirms and enters Amstetten, the office closes; read back over REST', { timeout: 180000 }, async () => {
  const office = await session();
  await login(office.page, APPROVER1);
  await office.page.getByRole('link', { name: 'Erhebung', exact: true }).click();
  await office.page.getByRole('heading', { name: 'Erhebung', level: 1 }).waitFor();
  await office.page.getByLabel('Stichtag', { exact: true }).fill('2019-09-15');
  await office.page.getByLabel('Wer gezählt wird').fill('Geflüchtete der Zugänge 01.01.2015–29.02.2016 (mit Familiennachzug) in der Anschlussunterbringung');
  await office.page.getByRole('button', { name: 'Erhebung eröffnen' }).click();
  const opened = await office.page.getByText(/^Erhebung Nr\. \d+ zum 15\.09\.2019 eröffnet; Meldefrist 15\.10\.2019\.$/).textContent();
  const id = Number(opened.match(/Nr\. (\d+)/)[1]);
  await office.page.getByRole('heading', { name: 'Erhebung zum 15.09.2019' }).waitFor();
  await check(office.page, '40-erhebung-eroeffnet', 'Erhebung');

  const town = await session();
  await login(town.page, ALLMENDINGEN);
  await town.page.getByRole('link', { name: 'Erhebung', exact: true }).click();
  await town.page.getByRole('heading', { name: 'Meldung von Allmendingen' }).waitFor();
  await town.page.getByLabel('Anzahl der Geflüchteten zum Stichtag').fill('1000000');
  await town.page.getByRole('button', { name: 'Zahl melden' }).click();
  await town.page.getByText('Die gemeldete Zahl (1.000.000) ist größer als die Einwohnerzahl von Allmendingen (4.500); bitte prüfen.').waitFor();
  await town.page.getByLabel('Anzahl der Geflüchteten zum Stichtag').fill('60');
  await town.page.getByLabel('Ansprechperson (Name, Telefon)').fill('Ayşe Öztürk, 07391 7015-0');
  await town.page.getByRole('button', { name: 'Zahl melden' }).click();
  await town.page.getByText('Gemeldet: 60 zum 15.09.2019.').waitFor();
  await check(town.page, '41-erhebung-gemeinde', 'Erhebung');

  const district = await session();
  await login(district.page, ALB_DONAU);
  await district.page.getByRole('link', { name: 'Erhebung', exact: true }).click();
  await district.page.getByText('55 Gemeinden: 0 bestätigt, 1 zu prüfen, 0 zurückgegeben, 54 fehlen.').waitFor();
  assert.equal(await district.page.locator('a[href="#/erhebung"] .badge').textContent(), '1'); // what waits for the district
  await district.page.getByRole('button', { name: 'Allmendingen prüfen' }).click();
  await district.page.getByText('Gemeldet: 60 – Ansprechperson: Ayşe Öztürk, 07391 7015-0').waitFor();
  await district.page.getByLabel('Begründung für die Gemeinde').fill('Bitte die Familiennachzüge mitzählen.');
  await district.page.getByRole('button', { name: 'Zurückgeben' }).click();
  await district.page.getByText('Die Meldung von Allmendingen ist zurückgegeben.').waitFor();
  await check(district.page, '42-erhebung-kreis', 'Erhebung');

  await town.page.reload();
  await town.page.getByRole('alert').filter({ hasText: 'Vom Kreis zurückgegeben: Bitte die Familiennachzüge mitzählen.' }).waitFor();
  await town.page.getByLabel('Anzahl der Geflüchteten zum Stichtag').fill('64');
  await town.page.getByRole('button', { name: 'Meldung ändern' }).click();
  await town.page.getByText('Gemeldet: 64 zum 15.09.2019.').waitFor();

  await district.page.reload();
  await district.page.getByRole('button', { name: 'Allmendingen prüfen' }).click();
  await district.page.getByRole('button', { name: 'Zahl bestätigen' }).click();
  await district.page.getByText('Die Zahl von Allmendingen (64) ist bestätigt.').waitFor();
  await district.page.getByRole('button', { name: 'Zahl für Amstetten eintragen' }).click();
  await district.page.getByLabel('Anzahl der Geflüchteten zum Stichtag').fill('30');
  await district.page.getByRole('button', { name: 'Zahl eintragen' }).click();
  await district.page.getByText('Für Amstetten ist 30 eingetragen und bestätigt.').waitFor();
  await district.page.getByText('55 Gemeinden: 2 bestätigt, 0 zu prüfen, 0 zurückgegeben, 53 fehlen.').waitFor();

  await office.page.reload();
  await office.page.getByText('Landesweit 1.101 Kommunen: 2 bestätigt, 0 gemeldet und noch nicht bestätigt, 0 zurückgegeben, 1.099 fehlen.').waitFor();
  await office.page.getByRole('button', { name: 'Erhebung abschließen' }).click();
  await office.page.getByText('Noch 1.099 Kommunen ohne bestätigte Zahl: bitte bestätigen, dass sie so gezählt werden.').waitFor();
  await office.page.getByLabel('Kommunen ohne bestätigte Zahl zählen').selectOption({ label: 'mit 0' });
  await office.page.getByLabel('Begründung', { exact: true }).fill('bis zum 15.10.2019 keine Meldung');
  await office.page.getByLabel(/^Ich schließe mit 1\.099 Kommunen ohne bestätigte Zahl ab/).check();
  await office.page.getByRole('button', { name: 'Erhebung abschließen' }).click();
  await office.page.getByText('Die Erhebung zum 15.09.2019 ist abgeschlossen; ihre Zahlen sind die Kennzahlen dieses Stichtags.').waitFor();
  await check(office.page, '43-erhebung-abgeschlossen', 'Erhebung');

  const survey = (await rest('GET', `/api/core/surveys/${id}`, APPROVER1)).json;
  assert.equal(survey.state, 'CLOSED');
  const allmendingen = (await rest('GET', `/api/core/surveys/${id}/reports/08425002`, ALB_DONAU)).json;
  assert.deepEqual([allmendingen.state, allmendingen.value, allmendingen.contact, allmendingen.returnReason],
    ['CONFIRMED', 64, 'Ayşe Öztürk, 07391 7015-0', 'Bitte die Familiennachzüge mitzählen.']);
  const amstetten = (await rest('GET', `/api/core/surveys/${id}/reports/08425008`, ALB_DONAU)).json;
  assert.deepEqual([amstetten.state, amstetten.value, amstetten.enteredByDistrict], ['CONFIRMED', 30, true]);
  const counts = (await rest('GET', '/api/core/municipalities/08425002/refugee-counts', ALB_DONAU)).json;
  assert.deepEqual(counts.filter((c) => c.referenceDate === '2019-09-15').map((c) => [c.refugees, c.synthetic]), [[64, false]]);
  for (const s of [office, town, district]) await s.context.close();
});

test('reflow: at 320 CSS px (1280 px at 400 % zoom) no page scrolls sideways; the menu folds away behind "Menü"', { timeout: 180000 }, async () => {
  const context = await browser.newContext({ locale: 'de-DE', timezoneId: 'Europe/Berlin', viewport: { width: 320, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.on('pageerror', (e) => cspViolations.push(`Skriptfehler: ${e.message}`));
  const areas = (await rest('GET', '/api/core/funding-areas', ADMIN)).json;
  const sideways = [];
  const walk = async (routes) => {
    for (const route of routes) {
      await page.goto(`${URL_}/ui/#/${route}`);
      await page.locator('main h1').waitFor();
      await page.waitForFunction(() => !document.body.innerText.includes('Wird geladen'));
      await page.waitForLoadState('networkidle');
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      if (width > 320) sideways.push(`${route}: ${width} px`);
    }
  };
  await login(page, ADMIN);
  const menu = page.locator('nav#menu');
  const toggle = page.getByRole('button', { name: 'Menü' });
  assert.equal(await menu.isVisible(), false, 'das Menü ist eingeklappt');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await toggle.click();
  await menu.getByRole('link', { name: 'Verteilungen' }).click();
  await page.getByRole('heading', { name: 'Verteilungen', level: 1 }).waitFor();
  assert.equal(await menu.isVisible(), false, 'nach der Wahl klappt das Menü wieder ein');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await walk(['start?zeitraum=2017', 'antraege', 'antraege/1', 'mittel', 'verteilungen', 'rueckforderungen', 'vier-augen', 'audit', 'betrieb',
    'bereich/integration-management/faelle', 'bereich/integration-management/faelle/ULM-0001',
    ...areas.flatMap((a) => [`bereich/${a.id}`, `bereich/${a.id}/neu`])]);
  await logout(page);
  await login(page, ['approver1', 'pruefen-pruefen-1']);
  await walk(['bereich/youth-career/schulen', 'bereich/youth-career/stellen', 'bereich/youth-career/bericht', 'bereich/civic-engagement/aufrufe']);
  await page.screenshot({ path: `${SHOTS}/40-schmal-antrag.png`, fullPage: true });
  await logout(page);
  await login(page, ULM);
  await walk(['antraege', 'mittel', ...areas.map((a) => `bereich/${a.id}/neu`)]);
  await context.close();
  assert.deepEqual(sideways, [], 'Seiten, die bei 320 px seitlich scrollen');
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
