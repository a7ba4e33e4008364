// The web interface's formatting and input rules (bundles/web/src/main/resources/ui/lib.js), without a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// lib.js is an ES module for the browser; under a name Node reads as one whatever its version
const copy = join(mkdtempSync(join(tmpdir(), 'paktwerk-ui-')), 'lib.mjs');
copyFileSync(fileURLToPath(new URL('../../bundles/web/src/main/resources/ui/lib.js', import.meta.url)), copy);
const { money, cents, decimal, date, euroInput, stateName, letterKind } = await import(pathToFileURL(copy));

test('amounts are shown the German way, from the API\'s decimal strings, without floating point', () => {
  assert.equal(money('1234.56'), '1.234,56 €');
  assert.equal(money('58000000.00'), '58.000.000,00 €');
  assert.equal(money('0.5'), '0,50 €');
  assert.equal(money('-5000'), '−5.000,00 €');
  assert.equal(money('90071992547409.93'), '90.071.992.547.409,93 €'); // beyond what a double holds in cents
  assert.equal(money(null), '–');
});

test('cents and back', () => {
  assert.equal(cents('102000.00'), 10200000);
  assert.equal(cents('0.05'), 5);
  assert.equal(cents('-1.5'), -150);
  assert.equal(decimal(5989800000), '59898000.00');
  assert.equal(decimal(-150), '-1.50');
  assert.equal(decimal(cents('60000000.00') - cents('102000.00')), '59898000.00');
});

test('dates as 28.11.2026, instants in Berlin time', () => {
  assert.equal(date('2026-11-28'), '28.11.2026');
  assert.equal(date('2026-11-28T13:05:00Z'), '28.11.2026, 14:05');
  assert.equal(date('2026-07-01T22:30:00Z'), '02.07.2026, 00:30');
  assert.equal(date(null), '–');
});

test('what a clerk types as an amount becomes the API\'s decimal string; anything else goes to the server unchanged', () => {
  assert.equal(euroInput('60.000.000,00'), '60000000.00');
  assert.equal(euroInput('102.000,5'), '102000.5');
  assert.equal(euroInput('36000000'), '36000000');
  assert.equal(euroInput(' 1.234 € '), '1234');
  assert.equal(euroInput('1234.56'), '1234.56');
  assert.equal(euroInput('0.5'), '0.5');
  assert.equal(euroInput('zwölf'), 'zwölf');
  assert.equal(euroInput(''), '');
});

test('states have German names', () => {
  assert.equal(stateName('SUBMITTED'), 'Eingereicht');
  assert.equal(stateName('PARTIALLY_APPROVED'), 'Teilweise bewilligt');
  assert.equal(stateName('SOMETHING_NEW'), 'SOMETHING_NEW');
});

test('letters have German names', () => {
  assert.equal(letterKind('DECISION'), 'Zuwendungsbescheid');
  assert.equal(letterKind('AMENDMENT'), 'Änderungsbescheid');
  assert.equal(letterKind('SETTLEMENT'), 'Schlussbescheid');
  assert.equal(letterKind(undefined), 'Bescheid');
});
