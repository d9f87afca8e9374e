// Courtside's pages in real headless Chromium (Debian's /usr/bin/chromium,
// driven by playwright-core): each role signs in and does its main task end
// to end, sees the error summary on bad input, and every main page is
// checked with axe-core (no serious or critical violations). Screenshots go
// to test-artifacts/screenshots/.
//
//   node tests/browser/run.mjs http://127.0.0.1:8080
//
// The server must be running with the demo data (`courtside serve --demo`)
// on a fresh database; tests/browser/run.sh does all of that.

import { test as nodeTest, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const BASE = (process.argv[2] || process.env.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const SHOTS = resolve(here, '..', '..', 'test-artifacts', 'screenshots');
const PASSWORD = 'courtside-demo';
const USERS = {
  supporter: 'amara@safer-futures.example',
  wco: 'wendy@police.example',
  vlo: 'victor@probation.example',
  manager: 'maya@safer-futures.example',
  court: 'cora@court.example',
  witnessService: 'wes@witness-service.example',
  admin: 'admin@courtside.example',
};
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

let browser;

before(async () => {
  mkdirSync(SHOTS, { recursive: true });
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
});

after(async () => {
  await browser?.close();
});

/** The pages the running test opened, to describe if it fails. */
let openPages = [];

/**
 * node:test's `test`, which on a failure prints what each page the test
 * opened was showing (its address, heading, error summary and banners;
 * demo data only) and keeps a screenshot, so a failure on CI says why.
 */
function test(name, body) {
  return nodeTest(name, described(body));
}
test.only = (name, body) => nodeTest.only(name, described(body));

function described(body) {
  return async (t) => {
    openPages = [];
    try {
      await body(t);
    } catch (error) {
      for (const [i, page] of openPages.entries()) {
        if (page.isClosed()) continue;
        const seen = await page
          .evaluate(() => {
            const text = (sel) => [...document.querySelectorAll(sel)].map((e) => e.innerText.trim()).join(' | ');
            return {
              url: location.href,
              h1: text('h1'),
              errors: text('.error-summary'),
              banners: text('.notification, .warning-text'),
            };
          })
          .catch((e) => ({ unreadable: String(e) }));
        t.diagnostic(`page ${i}: ${JSON.stringify(seen)}`);
        await page.screenshot({ path: join(SHOTS, `failed-${i}.png`), fullPage: true }).catch(() => {});
      }
      throw error;
    }
  };
}

/** A fresh browser context (its own cookies), desktop or phone sized. */
async function newPage({ phone = false } = {}) {
  const context = await browser.newContext({
    viewport: phone ? { width: 375, height: 740 } : { width: 1100, height: 900 },
    deviceScaleFactor: 1,
    // The pages forbid scripts (CSP script-src 'none'); this lets the test
    // inject axe-core and nothing else changes.
    bypassCSP: true,
    locale: 'en-GB',
    timezoneId: 'Europe/London',
  });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  openPages.push(page);
  return page;
}

async function shot(page, name) {
  await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
}

/** Runs axe-core on the page; fails on any serious or critical violation. */
async function accessible(page, name) {
  await page.addScriptTag({ content: AXE_SOURCE });
  const result = await page.evaluate(async () => {
    // eslint-disable-next-line no-undef
    const r = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    }));
  });
  const serious = result.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  assert.deepEqual(serious, [], `${name}: serious or critical accessibility violations`);
}

async function signIn(page, who) {
  await page.goto(`${BASE}/sign-in`);
  await page.fill('#email', USERS[who]);
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(`${BASE}/`), page.click('button:has-text("Sign in")')]);
}

/** A London date `days` from today, as YYYY-MM-DD. */
function londonDate(days) {
  const d = new Date(Date.now() + days * 24 * 3600 * 1000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(d);
}

/**
 * Types a date (YYYY-MM-DD) into the three boxes of a GOV.UK date input
 * whose day box is `selector` (`#date` → `#date`, `#date-month`,
 * `#date-year`), as a person would: day, month and year without leading
 * zeros.
 */
async function fillDate(page, selector, iso) {
  const [year, month, day] = iso.split('-');
  await page.fill(selector, String(Number(day)));
  await page.fill(`${selector}-month`, String(Number(month)));
  await page.fill(`${selector}-year`, year);
}

/** The case page's card for the hearing whose heading starts with `kind`. */
function hearingCard(page, kind) {
  return page
    .locator('.summary-card')
    .filter({ has: page.locator('h3', { hasText: new RegExp(`^${kind}\\b`) }) });
}

async function errorSummaryLinks(page) {
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.equal(await summary.locator('h2').innerText(), 'There is a problem');
  const links = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  // Every link points at a field that exists on the page.
  for (const href of links) {
    assert.match(href, /^#[a-z][a-z0-9_-]*$/);
    assert.equal(await page.locator(href).count(), 1, `${href} names a field on the page`);
  }
  assert.match(await page.title(), /^Error: /);
  return links;
}

test('sign-in page: error summary on a wrong password, keyboard skip link', async () => {
  const page = await newPage();
  await page.goto(`${BASE}/`);
  assert.equal(new URL(page.url()).pathname, '/sign-in', 'unauthenticated pages go to sign in');
  await accessible(page, 'sign-in');
  await shot(page, '01-sign-in');

  // The first Tab reaches the skip link, which becomes visible.
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'skip-link');

  await page.fill('#email', USERS.supporter);
  await page.fill('#password', 'wrong-password');
  await page.click('button:has-text("Sign in")');
  const links = await errorSummaryLinks(page);
  assert.deepEqual(links, ['#email']);
  assert.equal(await page.inputValue('#password'), '', 'the password is never sent back');
  await accessible(page, 'sign-in error');
  await shot(page, '02-sign-in-error');
  await page.context().close();
});

test('supporter: my week, a case, and an attendance request', async () => {
  const page = await newPage();
  await signIn(page, 'supporter');
  await page.locator('h1', { hasText: 'Hello, Amara Idva' }).waitFor();
  await accessible(page, 'supporter home');
  await shot(page, '03-supporter-home');

  await page.click('nav >> text=My week');
  await page.locator('h1', { hasText: 'My week' }).waitFor();
  assert.ok(await page.locator('text=Plea and trial preparation hearing').count() >= 1);
  await accessible(page, 'my week');
  await shot(page, '04-my-week');

  await page.click('nav >> text=Cases');
  await accessible(page, 'supporter cases');
  await page.click('a:has-text("13AB1234526")');
  await page.locator('h1', { hasText: '13AB1234526' }).waitFor();
  await accessible(page, 'case page');
  await shot(page, '05-case-supporter');

  // Ask to accompany the victim at the plea and trial preparation hearing
  // (the demo's trial already has her request, planned at seeding).
  const ptph = hearingCard(page, 'Plea and trial preparation hearing');
  await ptph.locator('a:has-text("Ask to accompany the victim")').click();
  await page.locator('h1', { hasText: 'Ask to accompany the victim' }).waitFor();
  await page.click('button:has-text("Send request")');
  assert.deepEqual(await errorSummaryLinks(page), ['#wish']);
  await accessible(page, 'attendance request error');
  await shot(page, '06-attendance-request-error');

  await page.check('#wish');
  await page.click('button:has-text("Send request")');
  await page.locator('text=Attendance request sent.').waitFor();
  assert.match(
    await hearingCard(page, 'Plea and trial preparation hearing').innerText(),
    /You: Requested/,
  );
  await accessible(page, 'case after request');
  await shot(page, '07-case-after-request');
  await page.context().close();
});

test('witness care officer: adds a hearing, moves it, sees a stale form refused, records a decision', async () => {
  const page = await newPage();
  await signIn(page, 'wco');
  await accessible(page, 'wco home');
  await shot(page, '08-wco-home');

  await page.click('nav >> text=Cases');
  await page.locator('h1', { hasText: "Your unit's cases" }).waitFor();
  await accessible(page, 'wco cases');
  await shot(page, '09-wco-cases');
  await page.click('a:has-text("13AB1234526")');
  const caseUrl = page.url();

  await page.click('a:has-text("Add a hearing")');
  await page.locator('h1', { hasText: 'Add a hearing' }).waitFor();
  await page.fill('#estimated_minutes', '');
  await page.click('button:has-text("Add hearing")');
  const links = await errorSummaryLinks(page);
  for (const field of ['#kind', '#date', '#time', '#estimated_minutes']) {
    assert.ok(links.includes(field), `${field} in the error summary`);
  }
  await accessible(page, 'add hearing error');
  await shot(page, '10-add-hearing-error');

  await page.check('#kind-mention');
  await fillDate(page, '#date', londonDate(10));
  await page.fill('#time', '11:00');
  await page.selectOption('#court_id', { label: "Leeds Magistrates' Court" });
  await page.fill('#courtroom', 'Court 9');
  await page.fill('#estimated_minutes', '30');
  await page.click('button:has-text("Add hearing")');
  await page.locator('text=Hearing added.').waitFor();
  const mention = hearingCard(page, 'Mention');
  assert.match(await mention.innerText(), /Leeds Magistrates' Court, Court 9/);
  await shot(page, '11-hearing-added');

  // Open the move form twice (two tabs), save one, then the other.
  await mention.locator('a:has-text("Move this hearing")').click();
  const moveUrl = page.url();
  await accessible(page, 'move hearing');
  await shot(page, '12-move-hearing');
  const other = await page.context().newPage();
  await other.goto(moveUrl);

  await fillDate(page, '#date', londonDate(11));
  await page.fill('#time', '14:00');
  await page.click('button:has-text("Move hearing")');
  await page.locator('text=Hearing moved.').waitFor();
  assert.match(await hearingCard(page, 'Mention').innerText(), /Moved/);
  await shot(page, '13-hearing-moved');

  await fillDate(other, '#date', londonDate(12));
  await other.click('button:has-text("Move hearing")');
  await other.locator('text=Someone else changed this hearing').first().waitFor();
  await accessible(other, 'stale move');
  await shot(other, '14-move-hearing-stale');
  await other.close();

  // Record the court's decision on the supporter's request.
  await page.goto(caseUrl);
  await page.click('a:has-text("Record the court\'s decision")');
  await page.locator('h1', { hasText: "Where does the supporter's request stand?" }).waitFor();
  await page.check('#state-allowed-with-conditions');
  await page.click('button:has-text("Save")');
  assert.deepEqual(await errorSummaryLinks(page), ['#conditions']);
  await page.fill('#conditions', 'Sit beside the witness in the live-link room');
  await accessible(page, 'decision');
  await shot(page, '15-attendance-decision');
  await page.click('button:has-text("Save")');
  await page.locator("text=The court's decision has been recorded.").waitFor();

  await page.click('nav >> text=To do');
  await page.locator('h1', { hasText: 'To do' }).waitFor();
  await accessible(page, 'to do');
  await shot(page, '16-wco-to-do');
  await page.context().close();
});

test('victim liaison officer: logs a parole milestone and sees what was shared', async () => {
  const page = await newPage();
  await signIn(page, 'vlo');
  await page.click('nav >> text=Parole');
  await page.locator('h1', { hasText: 'Parole' }).waitFor();
  await accessible(page, 'parole');
  await page.click('a:has-text("Log a milestone")');
  await page.locator('h1', { hasText: 'Log a parole milestone' }).waitFor();
  await page.check('#kind-decision-expected');
  await page.click('button:has-text("Log milestone")');
  assert.deepEqual(await errorSummaryLinks(page), ['#occurs_on']);
  await accessible(page, 'milestone error');
  await shot(page, '17-milestone-error');

  await fillDate(page, '#occurs_on', londonDate(30));
  await page.click('button:has-text("Log milestone")');
  await page.locator('text=Milestone logged.').waitFor();
  assert.ok(await page.locator('text=Decision expected').count() >= 1);
  await accessible(page, 'parole after');
  await shot(page, '18-parole-after-milestone');
  await page.context().close();
});

test('manager: the failed-messages page', async () => {
  const page = await newPage();
  await signIn(page, 'manager');
  await accessible(page, 'manager home');
  await shot(page, '19-manager-home');
  await page.click('nav >> text=Failed messages');
  await page.locator('h1', { hasText: 'Failed messages' }).waitFor();
  const body = await page.locator('main').innerText();
  assert.ok(body.includes('No failed messages.') || body.includes('Not delivered') || body.includes('Failed, will retry'));
  await accessible(page, 'failed messages');
  await shot(page, '20-failed-messages');
  await page.context().close();
});

test('manager (phone): settings: changes a reminder, sees a mistake named, then a webhook address refused (axe-checked)', async () => {
  const page = await newPage({ phone: true });
  await signIn(page, 'manager');
  await page.goto(`${BASE}/settings`);
  await page.locator('h1', { hasText: 'Settings for your organisation' }).waitFor();
  await accessible(page, 'settings');
  await shot(page, 'settings');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `/settings is ${overflow}px wider than the screen`);

  await page.click('a:has-text("Change the reminders")');
  await page.locator('h1', { hasText: 'Reminders for your supporters' }).waitFor();
  await accessible(page, 'reminders form');
  await page.fill('#r0_days', '400');
  await page.click('button:has-text("Save the reminders")');
  const links = await errorSummaryLinks(page);
  assert.ok(links.includes('#r0_days'), `${links}`);
  await accessible(page, 'reminders form, with an error');
  await shot(page, 'settings-reminders-error');
  await page.fill('#r0_days', '4');
  await page.fill('#r0_time', '08:45');
  await page.click('button:has-text("Save the reminders")');
  await page.locator('text=Your reminders have been saved.').waitFor();
  await page.locator('li', { hasText: /^4 (working|calendar) days before, at 08:45/ }).waitFor();

  await page.click('a:has-text("Send them to your own system instead")');
  await page.fill('#url', 'http://partner.example/hook');
  await page.click('button:has-text("Save and show the secret key")');
  const hookLinks = await errorSummaryLinks(page);
  assert.ok(hookLinks.includes('#url'), `${hookLinks}`);
  await accessible(page, 'webhook form, with an error');
  await page.context().close();
});

test('supporter (phone): has her reminders in the daily digest instead of one message each, from the menu (axe-checked)', async () => {
  const page = await newPage({ phone: true });
  await signIn(page, 'supporter');
  await page.click('a:has-text("Your reminders")');
  await page.locator('h1', { hasText: 'Your reminders' }).waitFor();
  await accessible(page, 'your reminders');
  assert.ok(await page.isChecked('#delivery'), 'one message each, by default');
  await page.check('#delivery-in-daily-digest');
  await page.click('button:has-text("Save")');
  await page.locator('text=Saved: your reminders will be listed in your daily message').waitFor();
  assert.ok(await page.isChecked('#delivery-in-daily-digest'));
  await accessible(page, 'your reminders, saved');
  await shot(page, 'reminders-in-digest');
  // And back again.
  await page.check('#delivery');
  await page.click('button:has-text("Save")');
  await page.locator('text=Saved: each reminder will come as its own message').waitFor();
  await page.context().close();
});

test('supporter (phone): records a need at court, then withdraws it after being told who is told (axe-checked)', async () => {
  const page = await newPage({ phone: true });
  await signIn(page, 'supporter');
  await page.goto(`${BASE}/victims`);
  await page.click('a:has-text("Needs at court for victim V-1001")');
  await page.locator('h1', { hasText: 'Needs at court' }).waitFor();
  await accessible(page, 'needs at court');
  // Nothing chosen: the error summary names the question.
  await page.click('button:has-text("Add the need")');
  const links = await errorSummaryLinks(page);
  assert.ok(links.includes('#kind'), `${links}`);
  await accessible(page, 'needs at court, with an error');
  await page.check('input[name=kind][value=interpreter]');
  await page.fill('#language', 'Tigrinya');
  await page.click('button:has-text("Add the need")');
  await page.locator('text=The need has been recorded.').waitFor();
  await page.locator('td', { hasText: 'Tigrinya' }).first().waitFor();
  await shot(page, 'court-need-recorded');
  // Withdrawing asks first.
  await page.locator('tr', { hasText: 'Tigrinya' }).locator('a:has-text("Withdraw")').click();
  await page.locator('h1', { hasText: 'Withdraw this need at court?' }).waitFor();
  await accessible(page, 'withdraw a need, asked first');
  await shot(page, 'court-need-withdraw-confirm');
  await page.click('button:has-text("Withdraw the need")');
  await page.locator('text=The need has been withdrawn.').waitFor();
  assert.equal(await page.locator('td', { hasText: 'Tigrinya' }).count(), 0);
  await page.context().close();
});

test('phone width: pages fit without sideways scrolling; sign out', async () => {
  const page = await newPage({ phone: true });
  await signIn(page, 'supporter');
  for (const [path, name] of [['/week', '21-phone-week'], ['/cases', '22-phone-cases'], ['/cases?q=13AB&status=open', '22-phone-cases-search']]) {
    await page.goto(`${BASE}${path}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `${path} is ${overflow}px wider than the screen`);
    await accessible(page, name);
    await shot(page, name);
  }
  await page.click('button:has-text("Sign out")');
  await page.locator('text=You have signed out.').waitFor();
  await page.goto(`${BASE}/week`);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  await page.context().close();
});

test('visits, notices and withdrawals: arrange a visit, read and print a notice, withdraw a consent', async () => {
  const page = await newPage();
  await signIn(page, 'wco');
  await page.click('nav >> text=Cases');
  await page.click('a:has-text("13AB1234526")');
  await page.locator('h1', { hasText: '13AB1234526' }).waitFor();

  // Arrange a pre-trial visit: the empty form first, then a good one.
  await page.click('a:has-text("Arrange a pre-trial visit")');
  await page.locator('h1', { hasText: 'Arrange a pre-trial visit' }).waitFor();
  await page.click('button:has-text("Arrange visit")');
  const links = await errorSummaryLinks(page);
  assert.ok(links.includes('#date') && links.includes('#supporter_attends'), links.join(' '));
  await accessible(page, 'visit form error');
  await shot(page, '20-visit-error');
  await fillDate(page, '#date', londonDate(10));
  await page.fill('#time', '14:30');
  await page.check('input[name="supporter_attends"][value="yes"]');
  await page.click('button:has-text("Arrange visit")');
  await page.locator('text=Pre-trial visit recorded.').waitFor();
  assert.ok((await page.locator('#visits ~ ul.list').first().innerText()).includes('14:30'), 'the visit is listed');

  // Move it to 10:00 the day after, then cancel it after the question.
  await page.locator('#visits ~ ul.list li', { hasText: '14:30' }).locator('a:has-text("Change")').click();
  await page.locator('h1', { hasText: 'Change the pre-trial visit' }).waitFor();
  await accessible(page, 'change a visit');
  await fillDate(page, '#date', londonDate(11));
  await page.fill('#time', '10:00');
  await page.click('button:has-text("Save changes")');
  await page.locator('text=The pre-trial visit has been saved.').waitFor();
  await page.locator('#visits ~ ul.list li', { hasText: '10:00' }).locator('a:has-text("Cancel")').click();
  await page.locator('h1', { hasText: 'Cancel this pre-trial visit?' }).waitFor();
  await accessible(page, 'cancel a visit');
  await page.click('button:has-text("Cancel the visit")');
  await page.locator('text=The pre-trial visit has been cancelled.').waitFor();
  assert.ok((await page.locator('#visits ~ ul.list').first().innerText()).includes('Cancelled'), 'the visit shows as cancelled');

  // Arrange it again, for the notices below.
  await page.click('a:has-text("Arrange a pre-trial visit")');
  await fillDate(page, '#date', londonDate(10));
  await page.fill('#time', '14:30');
  await page.check('input[name="supporter_attends"][value="yes"]');
  await page.click('button:has-text("Arrange visit")');
  await page.locator('text=Pre-trial visit recorded.').waitFor();

  // Open the first notice: its facts, its text, and a print view without
  // the menus.
  await page.locator('table a[href^="/notices/"]').first().click();
  await page.locator('h2', { hasText: 'The text' }).waitFor();
  assert.ok(await page.locator('.notice-text').count() === 1, 'witness care sees the text');
  await accessible(page, 'notice');
  await shot(page, '21-notice');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('nav.service-nav').isVisible(), false, 'no menu in print');
  assert.equal(await page.locator('.notice-text').isVisible(), true, 'the text prints');
  await page.emulateMedia({ media: 'screen' });
  await page.context().close();

  // The supporter records that the victim withdrew a consent.
  const sup = await newPage();
  await signIn(sup, 'supporter');
  await sup.click('nav >> text=Cases');
  await sup.click('a:has-text("13AB1234526")');
  await sup.locator('h1', { hasText: '13AB1234526' }).waitFor();
  const withdrawLinks = sup.locator('a[href$="/withdraw"]');
  const before = await withdrawLinks.count();
  assert.ok(before >= 1, 'a consent in force can be withdrawn');
  // Withdrawing asks first, and says what will stop. The row is chosen by
  // its scope: the table lists consents given at the same moment in id
  // order, and the CPS meeting journey below needs the victim's consent to
  // identify her supporter to the court still in force.
  await sup.locator('tr', { hasText: 'Send the supporter the same updates as the victim' })
    .locator('a[href$="/withdraw"]').click();
  await sup.locator('h1', { hasText: 'Are you sure the victim has withdrawn this consent?' }).waitFor();
  await accessible(sup, 'consent withdrawal, asked first');
  await shot(sup, '22-consent-withdraw-confirm');
  await sup.click('button:has-text("Yes, withdraw this consent")');
  await sup.locator('h1', { hasText: 'Consent withdrawn' }).waitFor();
  // Undo is offered for a while.
  assert.ok(await sup.locator('button:has-text("Undo")').count() >= 1, 'undo is offered');
  await accessible(sup, 'consent withdrawn, undo offered');
  await shot(sup, '22-consent-withdrawn');
  await sup.click('nav >> text=Cases');
  await sup.click('a:has-text("13AB1234526")');
  await sup.locator('h1', { hasText: '13AB1234526' }).waitFor();
  assert.equal(await sup.locator('a[href$="/withdraw"]').count(), before - 1);
  await sup.context().close();
});

test('court lists and the partnership report: upload a list and read what it did; a manager reads the report', async () => {
  const page = await newPage();
  await signIn(page, 'wco');
  await page.click('nav >> text=Court lists');
  await page.locator('h1', { hasText: 'Court lists' }).waitFor();
  await accessible(page, 'court lists');
  await shot(page, '23-court-lists');

  // No file chosen: the error summary links to the file field.
  await page.click('button:has-text("Upload and check")');
  const links = await errorSummaryLinks(page);
  assert.deepEqual(links, ['#list']);
  await accessible(page, 'court list upload error');
  await shot(page, '24-court-list-error');

  // A published list: the import's page, with its counts and what needs
  // attention (this fixture is dated for the tests' clock, so on a later
  // day its sittings are past and counted as ignored).
  const list = resolve(here, '..', '..', 'fixtures', 'court-lists', 'crown-daily-moved.json');
  await page.setInputFiles('#list', list);
  await page.selectOption('#list_type', 'crown_daily_pdda_list');
  await page.click('button:has-text("Upload and check")');
  await page.locator('h2', { hasText: 'Needs attention' }).waitFor();
  assert.match(new URL(page.url()).pathname, /^\/court-lists\/[0-9a-f-]{36}$/);
  assert.ok((await page.locator('main').innerText()).includes('2 sittings'));
  await accessible(page, 'court list result');
  await shot(page, '25-court-list-result');
  await page.context().close();

  const mgr = await newPage();
  await signIn(mgr, 'manager');
  await mgr.click('nav >> text=Partnership report');
  await mgr.locator('h1', { hasText: 'Partnership report' }).waitFor();
  assert.ok((await mgr.locator('svg').count()) >= 1, 'charts are drawn');
  assert.ok((await mgr.locator('table').count()) >= 1, 'figures are in tables');
  await accessible(mgr, 'partnership report');
  await shot(mgr, '26-partnership-report');
  await mgr.context().close();
});

/** Presses Tab until the focused element matches, as a keyboard user would. */
async function tabTo(page, matches, what) {
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    const ok = await page.evaluate(matches);
    if (ok) return;
  }
  assert.fail(`Tab never reached ${what}`);
}

test("every role's home: its own next steps, on a phone and a desktop", async () => {
  const expect = {
    supporter: ['My week', 'Victims'],
    wco: ['Requests', 'Court lists', 'To do'],
    vlo: ['Parole'],
    manager: ['Failed messages'],
    court: ['Requests'],
    witnessService: ['Requests'],
    admin: ['People', 'Organisations', 'Courts'],
  };
  for (const phone of [true, false]) {
    for (const [who, links] of Object.entries(expect)) {
      const page = await newPage({ phone });
      await signIn(page, who);
      for (const label of links) {
        await page.locator('main .card a', { hasText: label }).first().waitFor();
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${who}'s home is ${overflow}px wider than the screen`);
      await accessible(page, `${who} home`);
      await shot(page, `home-${who}-${phone ? 'phone' : 'desktop'}`);
      if (links.includes('Requests')) {
        await page.click('main .card a:has-text("Requests")');
        await page.locator('h1', { hasText: 'Requests' }).waitFor();
        await accessible(page, `${who} requests`);
      }
      await page.context().close();
    }
  }
});

test('administrator (phone): adds a person, sees a mistake named, and stops them signing in when they leave (axe-checked)', async () => {
  const page = await newPage({ phone: true });
  await signIn(page, 'admin');
  await page.click('main .card a:has-text("People")');
  await page.locator('h1', { hasText: 'Directory' }).waitFor();
  await accessible(page, 'directory');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  const wide = await page.evaluate(() => [...document.querySelectorAll('body *')].filter((e) => e.getBoundingClientRect().right > window.innerWidth + 1).slice(0, 8).map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`));
  assert.ok(overflow <= 0, `/directory is ${overflow}px wider than the screen: ${wide}`);
  await shot(page, 'directory-phone');

  await page.click('a:has-text("Add a person")');
  await page.locator('h1', { hasText: 'Add a person' }).waitFor();
  await page.fill('#display_name', 'Priya Shah');
  await page.fill('#email', 'priya@safer-futures.example');
  await page.selectOption('#organisation_id', { label: 'Demo Safer Futures IDVA Service (Support service (IDVA, ISVA))' });
  await page.click('button:has-text("Add the person")');
  const links = await errorSummaryLinks(page);
  assert.ok(links.includes('#role'), `${links}`);
  await accessible(page, 'add a person, with an error');
  await page.check('#role');
  await page.fill('#password', 'a long first password');
  await page.click('button:has-text("Add the person")');
  await page.locator('text=Person added.').waitFor();

  const row = page.locator('tr', { hasText: 'priya@safer-futures.example' });
  await row.locator('a:has-text("Change")').click();
  await page.locator('h1', { hasText: 'Change their details' }).waitFor();
  await page.check('#active-no');
  await page.click('button:has-text("Save changes")');
  await page.locator("text=The person's details have been saved.").waitFor();
  await page.locator('tr', { hasText: 'priya@safer-futures.example' }).locator('text=No').waitFor();
  await page.context().close();

  // Priya can no longer sign in.
  const priya = await newPage({ phone: true });
  await priya.goto(`${BASE}/sign-in`);
  await priya.fill('#email', 'priya@safer-futures.example');
  await priya.fill('#password', 'a long first password');
  await priya.click('button:has-text("Sign in")');
  await priya.locator('.error-summary').waitFor();
  await priya.context().close();
});

test("supporter (phone): records a victim's contact details and safe hours, a mistake named first (axe-checked)", async () => {
  const page = await newPage({ phone: true });
  await signIn(page, 'supporter');
  await page.click('nav >> text=Victims');
  await page.locator('h1', { hasText: 'Victims' }).waitFor();
  await page.locator('a:has-text("Contact details")').first().click();
  await page.locator('h1', { hasText: 'How to reach her safely' }).waitFor();
  await accessible(page, 'contact details');
  await page.fill('#full_name', 'Demo Person');
  await page.check('input[name="safe_channels"][value="sms"]');
  await page.fill('#safe_hours', 'mornings');
  await page.check('#safe_to_leave_voicemail-no');
  await page.click('button:has-text("Save")');
  const links = await errorSummaryLinks(page);
  assert.ok(links.includes('#safe_hours'), `${links}`);
  await accessible(page, 'contact details, with an error');
  await page.fill('#safe_hours', 'weekdays 09:30-12:00');
  await page.click('button:has-text("Save")');
  await page.locator('text=Her contact details have been saved.').waitFor();
  assert.equal(await page.inputValue('#safe_hours'), 'weekdays 09:30-12:00');
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `the contact details page is ${overflow}px wider than the screen`);
  await page.context().close();
});

test('supporter adds a victim and changes them with the keyboard alone (phone and desktop)', async () => {
  for (const [phone, ref] of [[true, 'V-2050'], [false, 'V-2051']]) {
    const page = await newPage({ phone });
    await signIn(page, 'supporter');
    await page.goto(`${BASE}/victims`);
    await accessible(page, 'victims');
    // Keyboard: from the top of the list page to the button, then the form.
    await tabTo(page, () => document.activeElement?.getAttribute('href') === '/victims/new', 'Add a victim');
    await Promise.all([page.waitForURL(`${BASE}/victims/new`), page.keyboard.press('Enter')]);
    await accessible(page, 'add a victim');
    await tabTo(page, () => document.activeElement?.id === 'reference', 'the reference field');
    await page.keyboard.type(ref);
    // Submitted without saying whether the victim is a child: the summary.
    await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
    const links = await errorSummaryLinks(page);
    assert.deepEqual(links, ['#is_child']);
    await accessible(page, 'add a victim, with an error');
    if (!phone) await shot(page, 'victim-add-error');
    await tabTo(page, () => document.activeElement?.name === 'is_child', 'the under-18 question');
    // First radio (Yes) takes focus; the arrow moves to No and chooses it.
    await page.keyboard.press('Space');
    await page.keyboard.press('ArrowDown');
    assert.equal(await page.evaluate(() => document.querySelector('input[name=is_child]:checked')?.value), 'no');
    await tabTo(page, () => document.activeElement?.tagName === 'BUTTON' && document.activeElement.textContent.includes('Add victim'), 'the Add victim button');
    await Promise.all([page.waitForURL(`${BASE}/victims?done=victim-added`), page.keyboard.press('Enter')]);
    await page.locator('text=Victim added.').waitFor();
    await page.getByRole('cell', { name: ref, exact: true }).waitFor();
    await accessible(page, 'victims after adding');

    // Change: Welsh preferred; saved from the list's Change link.
    await page.click(`a:has-text("Change"):has(span:has-text("victim ${ref}"))`);
    await page.locator('h1', { hasText: "Change the victim's details" }).waitFor();
    await accessible(page, 'change a victim');
    await page.check('input[name=preferred_language][value=cy]');
    await Promise.all([page.waitForURL(`${BASE}/victims?done=victim-changed`), page.click('button:has-text("Save changes")')]);
    const row = page.locator('tr', { has: page.getByRole('cell', { name: ref, exact: true }) });
    assert.match(await row.innerText(), /Welsh/);
    if (!phone) await shot(page, 'victims-list');
    await page.context().close();
  }
});

test("supporter: a child's parent recorded and a person the court excluded (axe-checked)", async () => {
  const page = await newPage();
  await signIn(page, 'supporter');
  // A new victim under 18.
  await page.goto(`${BASE}/victims/new`);
  await page.fill('#reference', 'V-2060');
  await page.check('input[name=is_child][value=yes]');
  await Promise.all([page.waitForURL(`${BASE}/victims?done=victim-added`), page.click('button:has-text("Add victim")')]);
  await page.click('a:has-text("Parents and guardians"):has(span:has-text("victim V-2060"))');
  await page.locator('h1', { hasText: 'Parents, guardians and appropriate adults' }).waitFor();
  await page.locator('text=No parent, guardian or appropriate adult is recorded').waitFor();
  await accessible(page, 'responsible adults, none yet');

  // Nothing chosen: the summary links the question.
  await page.click('button:has-text("Add the adult")');
  const links = await errorSummaryLinks(page);
  assert.ok(links.includes('#relationship'), links.join(' '));
  await accessible(page, 'responsible adults, with an error');

  await page.fill('#name', 'Pat Parent');
  await page.check('input[name=relationship][value=parent]');
  await page.fill('#email', 'pat.parent@example.org');
  await Promise.all([page.waitForURL(/done=added/), page.click('button:has-text("Add the adult")')]);
  await page.locator('text=The responsible adult has been recorded.').waitFor();
  await page.getByRole('cell', { name: 'Pat Parent', exact: true }).waitFor();
  await accessible(page, 'responsible adults, one recorded');
  await shot(page, 'responsible-adults');

  // The court excludes them: never told anything.
  await page.check('input[name=excluded_by][value=court]');
  await Promise.all([page.waitForURL(/done=excluded/), page.click('button:has-text("Exclude")')]);
  await page.locator('text=Excluded by the court: never told anything').waitFor();
  await accessible(page, 'responsible adults, one excluded');
  await page.context().close();
});

test("supporter: a safety plan for the court day, from the case page to My week (axe-checked)", async () => {
  const page = await newPage();
  await signIn(page, 'supporter');
  await page.goto(`${BASE}/cases`);
  await page.click('a:has-text("13AB1234526")');
  await page.locator('h1', { hasText: '13AB1234526' }).waitFor();
  const card = hearingCard(page, 'Plea and trial preparation hearing');
  await card.locator('a:has-text("Safety plan for the day")').click();
  await page.locator('h1', { hasText: 'Safety plan for the court day' }).waitFor();
  await page.locator('text=No safety plan is recorded for this hearing.').waitFor();
  await accessible(page, 'safety plan, none yet');

  // Nothing filled in: the summary links each required question.
  await page.click('button:has-text("Save the plan")');
  const links = await errorSummaryLinks(page);
  for (const field of ['#entrance', '#exit', '#waiting_area']) {
    assert.ok(links.includes(field), `${field} in ${links}`);
  }
  await accessible(page, 'safety plan, with errors');
  await shot(page, 'safety-plan-error');

  await page.fill('#entrance', 'Side door on Quillfeather Row');
  await page.fill('#exit', 'Side door');
  await page.fill('#waiting_area', 'Witness Service room 2');
  await page.fill('#met_by', 'Jo, volunteer');
  await page.fill('#avoid_family', 'Leave after the family has gone');
  await page.check('input[name=agreed][value=no]');
  await page.check('input[name=basis][value=none]');
  await page.check('input[name=may_email][value=no]');
  await page.click('button:has-text("Save the plan")');
  await page.locator('text=The safety plan has been saved.').waitFor();
  await page.locator('text=Side door on Quillfeather Row').first().waitFor();
  await accessible(page, 'safety plan, saved');
  await shot(page, 'safety-plan-saved');

  // My week, for the week of that hearing: the plan under it.
  await page.goto(`${BASE}/cases`);
  await page.click('a:has-text("13AB1234526")');
  const when = await hearingCard(page, 'Plea and trial preparation hearing').innerText();
  const iso = when.match(/\b(\d{1,2}) (January|February|March|April|May|June|July|August|September|October|November|December) (\d{4})\b/);
  assert.ok(iso, `a date on the card: ${when}`);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const from = `${iso[3]}-${String(months.indexOf(iso[2]) + 1).padStart(2, '0')}-${iso[1].padStart(2, '0')}`;
  await page.goto(`${BASE}/week?from=${from}`);
  await page.locator('text=Safety plan for the day').first().waitFor();
  await page.locator('text=Side door on Quillfeather Row').first().waitFor();
  await accessible(page, 'my week with a safety plan');
  await page.context().close();
});

test('manager: assigns a second supporter from the case page, then ends it after being told what that means (axe-checked)', async () => {
  const page = await newPage();
  await signIn(page, 'manager');
  await page.goto(`${BASE}/cases`);
  await page.click('a:has-text("13AB1234526")');
  await page.locator('h1', { hasText: '13AB1234526' }).waitFor();
  await page.click('a:has-text("Assign a supporter")');
  await page.locator('h1', { hasText: 'Assign a supporter' }).waitFor();
  await accessible(page, 'assign a supporter');

  // A single point of contact with no agreement date: the summary links it.
  await page.selectOption('#supporter_id', { label: 'Ben Isva' });
  await page.check('input[name=role][value=isva]');
  await page.check('input[name=spoc][value=yes]');
  await page.click('button:has-text("Assign the supporter")');
  const links = await errorSummaryLinks(page);
  assert.ok(links.includes('#spoc_agreed_on'), `${links}`);
  await accessible(page, 'assign a supporter, with errors');

  await page.check('input[name=spoc][value=no]');
  await page.click('button:has-text("Assign the supporter")');
  await page.locator('text=Supporter assigned.').waitFor();
  const isva = page.locator('li', { hasText: "The victim's ISVA" });
  await isva.waitFor();
  await shot(page, 'assignment-made');

  // Ending asks first and says what it means; today stays her last day.
  await isva.locator('a:has-text("End the assignment")').click();
  await page.locator('h1', { hasText: 'support for this victim?' }).waitFor();
  await page.locator('text=will no longer see this victim').waitFor();
  await accessible(page, 'end an assignment');
  await page.click('button:has-text("End the assignment")');
  await page.locator('text=The assignment has been ended.').waitFor();
  await accessible(page, 'case after ending an assignment');
  await page.context().close();
});

/** The London time `minutes` from now as HH:MM (kept within today). */
function londonTimeSoon(minutes) {
  const d = new Date(Date.now() + minutes * 60 * 1000);
  const t = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hour12: false }).format(d);
  return londonDate(minutes / (24 * 60)) === londonDate(0) ? t : '23:59';
}

test('on the day: the officer lists a trial today; the supporter records updates on a phone (axe-checked)', async () => {
  const officer = await newPage();
  await signIn(officer, 'wco');
  await officer.click('nav >> text=Cases');
  await officer.click('a:has-text("13AB1234526")');
  await officer.click('a:has-text("Add a hearing")');
  await officer.check('#kind-trial');
  await fillDate(officer, '#date', londonDate(0));
  await officer.fill('#time', londonTimeSoon(30));
  await officer.selectOption('#court_id', { label: "Leeds Magistrates' Court" });
  await officer.fill('#estimated_minutes', '240');
  await officer.click('button:has-text("Add hearing")');
  await officer.locator('text=Hearing added.').waitFor();
  await officer.context().close();

  const page = await newPage({ phone: true });
  await signIn(page, 'supporter');
  await page.goto(`${BASE}/cases`);
  await page.click('a:has-text("13AB1234526")');
  await hearingCard(page, 'Trial').first().locator('a:has-text("Updates on the day")').click();
  await page.locator('h1', { hasText: 'Updates on the day' }).waitFor();
  await accessible(page, 'updates on the day');

  // Nothing chosen: the summary links the question.
  await page.click('button:has-text("Record the update")');
  assert.deepEqual(await errorSummaryLinks(page), ['#kind']);
  await accessible(page, 'updates on the day, with an error');
  await shot(page, 'trial-updates-error');

  await page.check('input[name=kind][value=started]');
  await page.check('input[name=told_in_person][value=victim]');
  await page.fill('#note', 'In court 2');
  await page.click('button:has-text("Record the update")');
  await page.locator('text=The update has been recorded.').waitFor();
  await page.locator('text=No message was sent: she has not asked for trial-progress messages.').first().waitFor();
  await page.locator('.agenda >> text=The hearing has started').waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scrolling on a phone (${width}px)`);
  await accessible(page, 'updates on the day, recorded');
  await shot(page, 'trial-updates-recorded');

  await page.goto(`${BASE}/week`);
  await page.locator('text=Updates on the day').first().waitFor();
  await page.locator('text=The hearing has started').first().waitFor();
  await accessible(page, 'my week with updates on the day');
  await page.context().close();
});

test('risk meetings: the supporter adds a MARAC meeting, sees its deadline on My week and records an action (axe-checked)', async () => {
  const page = await newPage();
  await signIn(page, 'supporter');
  await page.goto(`${BASE}/cases`);
  await page.click('a:has-text("13AB1234526")');
  await page.click('a:has-text("MARAC and MAPPA meetings")');
  await page.locator('h1', { hasText: 'Risk meetings' }).waitFor();
  await accessible(page, 'risk meetings');

  // Nothing chosen: the summary links the questions.
  await page.click('button:has-text("Add the meeting")');
  const links = await errorSummaryLinks(page);
  assert.ok(links.includes('#kind') && links.includes('#meeting_date'), `${links}`);
  await accessible(page, 'risk meetings, with errors');
  await shot(page, 'risk-meetings-error');

  // A meeting in three days: its referral form is due before it.
  await page.check('input[name=kind][value=marac]');
  await fillDate(page, '#meeting_date', londonDate(3));
  await page.fill('#meeting_time', '10:00');
  await page.fill('#panel', 'Leeds MARAC');
  await page.click('button:has-text("Add the meeting")');
  await page.locator('text=The meeting has been added.').waitFor();
  await page.locator('text=Your referral form or update is due by').waitFor();
  await accessible(page, 'a risk meeting');
  await shot(page, 'risk-meeting-added');

  await page.goto(`${BASE}/week`);
  await page.locator('text=Referral form or update due for a risk meeting').first().waitFor();
  await page.locator('text=Leeds MARAC').first().waitFor();
  await accessible(page, 'my week with a risk meeting');

  // A meeting held yesterday: an action she carries is recorded, and
  // becomes a task on her week.
  await page.goto(`${BASE}/cases`);
  await page.click('a:has-text("13AB1234526")');
  await page.click('a:has-text("MARAC and MAPPA meetings")');
  await page.check('input[name=kind][value=marac]');
  await fillDate(page, '#meeting_date', londonDate(-1));
  await page.fill('#meeting_time', '10:00');
  await page.fill('#panel', 'Leeds MARAC');
  await page.click('button:has-text("Add the meeting")');
  await page.locator('text=The meeting has been added.').waitFor();
  await page.locator('text=Your referral form or update was due by').waitFor();
  await page.click('button:has-text("Record the action")');
  assert.ok((await errorSummaryLinks(page)).includes('#owner'));
  await page.check('input[name=owner][value=supporter]');
  await page.fill('#text', 'Review her safety plan with her');
  await fillDate(page, '#due_on', londonDate(2));
  await page.click('button:has-text("Record the action")');
  await page.locator('text=The action has been recorded.').waitFor();
  await page.locator('#actions >> text=Review her safety plan with her').waitFor();
  await accessible(page, 'a risk meeting with an action');
  await shot(page, 'risk-meeting-action');

  await page.goto(`${BASE}/week`);
  await page.locator('text=Carry out an action from a risk meeting').first().waitFor();
  await page.context().close();
});

test('supporter (phone): records a rape case, then the CPS meeting before trial, and sees it in My week (axe-checked)', async () => {
  const page = await newPage({ phone: true });
  await signIn(page, 'supporter');
  await page.goto(`${BASE}/cases`);
  await page.click('a:has-text("13AB1234526")');
  await page.locator('h1', { hasText: '13AB1234526' }).waitFor();

  // The offence, from the case's change form.
  await page.click('a:has-text("Change the case")');
  await page.locator('h1', { hasText: "Change the case's details" }).waitFor();
  await page.selectOption('#offence_group', 'rape_or_serious_sexual_offence');
  await page.click('button:has-text("Save changes")');
  await page.locator("text=The case's details have been saved.").waitFor();
  await page.locator('h2', { hasText: 'The CPS meeting before trial' }).waitFor();
  await page.locator('text=ask whether she wants you there').waitFor();

  // The meeting: nothing chosen first, then her wish and its time.
  await page.click('a:has-text("Record the CPS meeting")');
  await page.locator('h1', { hasText: 'The CPS meeting before trial' }).waitFor();
  await accessible(page, 'CPS meeting form');
  await page.click('button:has-text("Save")');
  const links = await errorSummaryLinks(page);
  assert.ok(links.includes('#supporter_invited'), `${links}`);
  await accessible(page, 'CPS meeting form, with errors');
  await shot(page, 'cps-meeting-error');

  await page.check('input[name=supporter_invited][value=wanted]');
  await fillDate(page, '#meeting_date', londonDate(3));
  await page.fill('#meeting_time', '14:30');
  await page.click('button:has-text("Save")');
  await page.locator('text=The CPS meeting has been saved.').waitFor();
  await page.locator('text=She wants her supporter invited.').waitFor();
  await page.locator('text=The CPS is told.').waitFor();
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 375, `no sideways scrolling on a phone (${width}px)`);
  await accessible(page, 'case with the CPS meeting');
  await shot(page, 'cps-meeting-saved');

  // Her supporter's week holds the meeting.
  await page.goto(`${BASE}/week?from=${londonDate(3)}`);
  await page.locator('text=Go with her to the CPS meeting').first().waitFor();
  await accessible(page, 'my week with the CPS meeting');
  await page.context().close();
});

test('after the outcome: the supporter records a protective order from the case page and sees the reminder on My week (axe-checked)', async () => {
  const page = await newPage();
  await signIn(page, 'supporter');
  await page.goto(`${BASE}/cases`);
  await page.click('a:has-text("13AB1234526")');
  await page.click('a:has-text("Protective orders, reviews and compensation")');
  await page.locator('h1', { hasText: 'Protective orders and after the outcome' }).waitFor();
  await accessible(page, 'protective orders and after the outcome');

  // Nothing chosen: the summary links the questions of the form sent.
  await page.click('button:has-text("Add the order")');
  const links = await errorSummaryLinks(page);
  assert.ok(links.includes('#kind') && links.includes('#made_on'), `${links}`);
  await accessible(page, 'protective orders, with errors');
  await shot(page, 'protective-order-error');

  // Ends in ten days: the talk about renewing it is due today.
  await page.check('input[name=kind][value=non_molestation]');
  await fillDate(page, '#made_on', londonDate(-30));
  await fillDate(page, '#ends_on', londonDate(10));
  await page.fill('#note', 'Agreed to talk after the school run');
  await page.click('button:has-text("Add the order")');
  await page.locator('text=The protective order has been recorded.').waitFor();
  await page.locator('td', { hasText: 'Non-molestation order' }).first().waitFor();
  await accessible(page, 'protective order recorded');
  await shot(page, 'protective-order-recorded');

  await page.goto(`${BASE}/week`);
  await page.locator('text=Talk to the victim about renewing or extending the order').first().waitFor();
  await accessible(page, 'my week with a protective order reminder');
  await page.context().close();
});

test('statements: the supporter books an ABE interview with herself for before and after and a colleague as the alternative, then withdraws it (axe-checked)', async () => {
  const open = async (page) => {
    await page.goto(`${BASE}/cases`);
    await page.click('a:has-text("13AB1234526")');
    await page.click('a:has-text("Statement and ABE interview appointments")');
    await page.locator('h1', { hasText: 'Statements and ABE interviews' }).waitFor();
  };
  let page = await newPage();
  await signIn(page, 'supporter');
  await open(page);
  // Ben must be one of her supporters to be the alternative; the manager's
  // journey above leaves him assigned until today's end, and when run
  // alone the manager assigns him here.
  const ben = await page.locator('#alternative_supporter_id option', { hasText: 'Ben Isva' }).count();
  if (ben === 0) {
    await page.context().close();
    const manager = await newPage();
    await signIn(manager, 'manager');
    await manager.goto(`${BASE}/cases`);
    await manager.click('a:has-text("13AB1234526")');
    await manager.click('a:has-text("Assign a supporter")');
    await manager.selectOption('#supporter_id', { label: 'Ben Isva' });
    await manager.check('input[name=role][value=isva]');
    await manager.check('input[name=spoc][value=no]');
    await manager.click('button:has-text("Assign the supporter")');
    await manager.locator('text=Supporter assigned.').waitFor();
    await manager.context().close();
    page = await newPage();
    await signIn(page, 'supporter');
    await open(page);
  }
  await accessible(page, 'statement appointments');

  // Nothing chosen: the summary links the questions.
  await page.click('button:has-text("Book the appointment")');
  const links = await errorSummaryLinks(page);
  assert.ok(links.includes('#kind') && links.includes('#appointment_date') && links.includes('#officer_id'), `${links}`);
  await accessible(page, 'statement appointments, with errors');
  await shot(page, 'statement-appointment-error');

  // In five days: Amara before and after, Ben if she is away, Wendy the officer.
  await page.check('input[name=kind][value=abe_interview]');
  await fillDate(page, '#appointment_date', londonDate(5));
  await page.fill('#appointment_time', '10:00');
  await page.fill('#place', 'Elland Road Police Station');
  await page.selectOption('#officer_id', { label: 'Wendy Witness-Care' });
  await page.selectOption('#supporter_id', { label: 'Amara Idva' });
  await page.selectOption('#alternative_supporter_id', { label: 'Ben Isva' });
  await page.click('button:has-text("Book the appointment")');
  await page.locator('text=The appointment has been booked.').waitFor();
  await page.locator('text=Amara Idva (not in the room)').waitFor();
  await accessible(page, 'a statement appointment');
  await shot(page, 'statement-appointment-booked');

  // Her reminders are open tasks on My week.
  await page.goto(`${BASE}/week`);
  await page.locator('text=Statement or ABE interview coming up').first().waitFor();
  await accessible(page, 'my week with a statement reminder');

  // Withdrawn from its page: the reminders go with it.
  await open(page);
  await page.click('#appointments a:has-text("ABE (video-recorded) interview")');
  await page.click('button:has-text("Withdraw the appointment")');
  await page.locator('text=The appointment has been withdrawn').waitFor();
  await page.locator('text=Withdrawn: no reminders').waitFor();
  await shot(page, 'statement-appointment-withdrawn');
  await page.context().close();
});

/**
 * The single-line messages of a language's page catalogue (all its files,
 * `key = words`), as a map;
 * messages that choose among forms (`{ $n -> ... }`) are left out.
 */
function catalogue(language) {
  const text = ['pages.ftl', 'records.ftl', 'service.ftl']
    .map((file) => readFileSync(resolve(here, '..', '..', 'locales', language, file), 'utf8'))
    .join('\n');
  const messages = new Map();
  for (const line of text.split('\n')) {
    const m = /^([a-z][a-z0-9-]*) = (.*)$/.exec(line);
    if (m && !m[2].trim().endsWith('->')) messages.set(m[1], m[2].trim());
  }
  return messages;
}

const ENGLISH = catalogue('en');
const WELSH = catalogue('cy');

/**
 * Fails, listing them, if the page met any untranslated key (its
 * `template#i18n` record) or shows English words from the catalogue: for
 * each key the page used whose English and Welsh differ, every stretch of
 * two or more English words between its placeholders must be absent from
 * the page's text.
 */
async function allWelsh(page, name) {
  const record = await page.evaluate(() => {
    const t = document.querySelector('template#i18n');
    return {
      keys: (t?.dataset.keys || '').split(' ').filter(Boolean),
      untranslated: (t?.dataset.untranslated || '').split(' ').filter(Boolean),
      text: document.body.innerText,
      lang: document.documentElement.lang,
    };
  });
  assert.equal(record.lang, 'cy', `${name}: <html lang>`);
  assert.ok(record.keys.length > 0, `${name}: the page records its keys`);
  assert.deepEqual(record.untranslated, [], `${name}: untranslated keys`);
  const english = [];
  for (const key of record.keys) {
    const en = ENGLISH.get(key);
    if (!en || en === WELSH.get(key)) continue;
    for (const stretch of en.split(/\{[^}]*\}/)) {
      const words = stretch.trim().replace(/^[,.:;·]\s*/, '').replace(/[,.:;]$/, '');
      if (words.split(/\s+/).length >= 2 && record.text.includes(words)) english.push(`${key}: "${words}"`);
    }
  }
  assert.deepEqual(english, [], `${name}: English words from the catalogue on a Welsh page`);
}

test("supporter in Welsh: switches to Cymraeg, walks home, My week, a case, a hearing and the attendance form (axe-checked)", async () => {
  const page = await newPage();
  await page.goto(`${BASE}/sign-in`);
  await page.fill('#email', 'ben@safer-futures.example');
  await page.fill('#password', PASSWORD);
  await Promise.all([page.waitForURL(`${BASE}/`), page.click('button:has-text("Sign in")')]);

  // The switch is a button, reached and pressed with the keyboard.
  const switchButton = page.locator('header button[name="language"][value="cy"]');
  assert.equal(await switchButton.innerText(), 'Cymraeg');
  assert.equal(await switchButton.getAttribute('lang'), 'cy');
  await switchButton.focus();
  await Promise.all([page.waitForLoadState('load'), page.keyboard.press('Enter')]);
  await page.locator('h1', { hasText: 'Helo, Ben Isva' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/', 'back on the page the switch was on');
  await allWelsh(page, 'home');
  await accessible(page, 'home in Welsh');
  await shot(page, '60-cy-home');

  await page.click('nav >> text=Fy wythnos');
  await page.locator('h1', { hasText: 'Fy wythnos' }).waitFor();
  await allWelsh(page, 'my week');
  // The next week holds his trial: day and month names and the clock
  // from the Welsh table.
  await page.click('a:has-text("Y 7 diwrnod nesaf")');
  await page.locator('.agenda__item', { hasText: 'Treial' }).first().waitFor();
  const weekText = await page.locator('main').innerText();
  assert.match(weekText, /dydd (Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul) \d+ (Ionawr|Chwefror|Mawrth|Ebrill|Mai|Mehefin|Gorffennaf|Awst|Medi|Hydref|Tachwedd|Rhagfyr) \d{4}/);
  assert.match(weekText, /9:30yb/);
  await allWelsh(page, 'the week after');
  await accessible(page, 'my week in Welsh');
  await shot(page, '61-cy-week');

  await page.click('nav >> text=Achosion');
  await page.locator('h1', { hasText: 'Achosion rydych yn eu cefnogi' }).waitFor();
  await allWelsh(page, 'cases');
  await accessible(page, 'cases in Welsh');

  // A case, and its trial's card.
  await page.click('a:has-text("13CD7654321")');
  await page.locator('h1', { hasText: '13CD7654321' }).waitFor();
  const trial = hearingCard(page, 'Treial');
  await trial.waitFor();
  assert.match(await trial.innerText(), /Disgwylir iddo bara 5 awr/);
  await allWelsh(page, 'case');
  await accessible(page, 'case in Welsh');
  await shot(page, '62-cy-case');

  // The attendance request, with its error in Welsh.
  await trial.locator("a:has-text(\"Gofyn am gael mynd gyda'r dioddefwr\")").click();
  await page.locator('h1', { hasText: "Gofyn am gael mynd gyda'r dioddefwr yn y gwrandawiad hwn" }).waitFor();
  await allWelsh(page, 'attendance form');
  await page.click('button:has-text("Anfon y cais")');
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.equal(await summary.locator('h2').innerText(), 'Mae problem');
  assert.match(await summary.innerText(), /Cadarnhewch fod y dioddefwr eisiau i chi fod wrth ei ochr/);
  assert.match(await page.title(), /^Gwall: /);
  await allWelsh(page, 'attendance form error');
  await accessible(page, 'attendance form error in Welsh');
  await shot(page, '63-cy-attendance-error');
  await page.context().close();

  // Remembered for him: a fresh browser's sign-in page is in English, the
  // pages after sign-in in Welsh. Before sign-in the switch makes the
  // sign-in page Welsh too.
  const again = await newPage();
  await again.goto(`${BASE}/sign-in`);
  assert.equal(await again.evaluate(() => document.documentElement.lang), 'en-GB');
  await Promise.all([again.waitForLoadState('load'), again.click('header button[value="cy"]')]);
  await again.locator('h1', { hasText: 'Mewngofnodi i Courtside' }).waitFor();
  await allWelsh(again, 'sign-in');
  await accessible(again, 'sign-in in Welsh');
  await again.fill('#email', 'ben@safer-futures.example');
  await again.fill('#password', PASSWORD);
  await Promise.all([again.waitForURL(`${BASE}/`), again.click('button:has-text("Mewngofnodi")')]);
  await again.locator('h1', { hasText: 'Helo, Ben Isva' }).waitFor();
  await again.context().close();
});

test("witness care in Welsh: To do, a case's pre-trial visit form and its errors, victims; the Witness Service's requests (axe-checked)", async () => {
  const page = await newPage();
  await signIn(page, 'wco');
  await Promise.all([page.waitForLoadState('load'), page.click('header button[value="cy"]')]);
  await page.locator('nav >> text=Hafan').waitFor();

  await page.click('nav >> text=I\'w gwneud');
  await page.locator('h1', { hasText: "I'w gwneud" }).waitFor();
  await allWelsh(page, 'to do');
  await accessible(page, 'to do in Welsh');
  await shot(page, '64-cy-wco-to-do');

  await page.click('nav >> text=Achosion');
  await page.click('a:has-text("13AB1234526")');
  await page.locator('h1', { hasText: '13AB1234526' }).waitFor();
  await page.click('a:has-text("Trefnu ymweliad cyn treial")');
  await page.locator('h1', { hasText: 'Trefnu ymweliad cyn treial' }).waitFor();
  await allWelsh(page, 'visit form');
  await page.click('button:has-text("Trefnu\'r ymweliad")');
  const summary = page.locator('.error-summary');
  await summary.waitFor();
  assert.match(await summary.innerText(), /Rhowch ddyddiad yr ymweliad/);
  assert.match(await summary.innerText(), /Dywedwch a fydd y cefnogwr yn mynd/);
  await allWelsh(page, 'visit form error');
  await accessible(page, 'visit form error in Welsh');
  await shot(page, '65-cy-visit-error');

  await page.click('nav >> text=Dioddefwyr');
  await page.locator('h1', { hasText: 'Dioddefwyr' }).waitFor();
  await allWelsh(page, 'victims');
  await accessible(page, 'victims in Welsh');
  await page.click('a:has-text("Ychwanegu dioddefwr")');
  await page.locator('h1', { hasText: 'Ychwanegu dioddefwr' }).waitFor();
  await allWelsh(page, 'add a victim');
  await page.context().close();

  const ws = await newPage();
  await signIn(ws, 'witnessService');
  await Promise.all([ws.waitForLoadState('load'), ws.click('header button[value="cy"]')]);
  await ws.goto(`${BASE}/requests`);
  await ws.locator('h1', { hasText: 'Ceisiadau' }).waitFor();
  await allWelsh(ws, 'requests');
  await accessible(ws, 'requests in Welsh');
  await ws.context().close();
});

test("service pages in Welsh: a supporter's reminders and calendar feed, a manager's settings, the administrator's directory (axe-checked)", async () => {
  /** Signs in and, unless the person already chose it, switches to Cymraeg. */
  async function inWelsh(email) {
    const page = await newPage();
    await page.goto(`${BASE}/sign-in`);
    await page.fill('#email', email);
    await page.fill('#password', PASSWORD);
    await Promise.all([page.waitForURL(`${BASE}/`), page.click('button[type="submit"]:not([name="language"])')]);
    const toWelsh = page.locator('header button[name="language"][value="cy"]');
    if (await toWelsh.count()) {
      await Promise.all([page.waitForLoadState('load'), toWelsh.click()]);
    }
    await page.locator('html[lang="cy"]').waitFor();
    return page;
  }

  const ben = await inWelsh('ben@safer-futures.example');
  await ben.goto(`${BASE}/my-reminders`);
  await ben.locator('h1', { hasText: 'Eich nodiadau atgoffa' }).waitFor();
  await allWelsh(ben, 'my reminders');
  await accessible(ben, 'my reminders in Welsh');
  // The form's error is in Welsh too.
  await ben.evaluate(() => document.querySelectorAll('input[name="delivery"]').forEach((r) => { r.checked = false; }));
  await ben.click('button:has-text("Cadw")');
  await ben.locator('.error-summary').waitFor();
  assert.match(await ben.locator('.error-summary').innerText(), /Dewiswch neges ar gyfer pob nodyn atgoffa/);
  await allWelsh(ben, 'my reminders error');
  await ben.goto(`${BASE}/calendar-feed`);
  await ben.locator('h1', { hasText: 'Ffrwd calendr' }).waitFor();
  await allWelsh(ben, 'calendar feed');
  await accessible(ben, 'calendar feed in Welsh');
  await ben.click('button:has-text("Creu cyfeiriad calendr newydd")');
  await ben.locator('.notification__heading', { hasText: 'Eich cyfeiriad calendr newydd' }).waitFor();
  await allWelsh(ben, 'calendar feed made');
  await ben.context().close();

  const maya = await inWelsh(USERS.manager);
  await maya.goto(`${BASE}/settings`);
  await maya.locator('h1', { hasText: 'Gosodiadau ar gyfer eich sefydliad' }).waitFor();
  await allWelsh(maya, 'settings');
  await accessible(maya, 'settings in Welsh');
  await maya.click('a:has-text("Newid y nodiadau atgoffa")');
  await maya.locator('h1', { hasText: "Nodiadau atgoffa i'ch cefnogwyr" }).waitFor();
  await allWelsh(maya, 'settings: reminders');
  await maya.goto(`${BASE}/messages/failed`);
  await maya.locator('h1', { hasText: 'Negeseuon a fethodd' }).waitFor();
  await allWelsh(maya, 'failed messages');
  await maya.context().close();

  const admin = await inWelsh(USERS.admin);
  await admin.goto(`${BASE}/directory`);
  await admin.locator('h1', { hasText: 'Cyfeiriadur' }).waitFor();
  await accessible(admin, 'directory in Welsh');
  await shot(admin, '64-cy-directory');
  // The directory's names are the organisations' and courts' own ("Leeds
  // Crown Court", "Cardiff Witness Service"), not words from the
  // catalogue: set them aside before looking for English words.
  await admin.evaluate(() => {
    document.querySelectorAll('.table-wrap td .visually-hidden, #people + p + .table-wrap td:nth-child(4)').forEach((e) => e.remove());
    document.querySelectorAll('.table-wrap td:first-child').forEach((td) => td.remove());
  });
  await allWelsh(admin, 'directory');
  await admin.click('a:has-text("Ychwanegu llys")');
  await admin.locator('h1', { hasText: 'Ychwanegu llys' }).waitFor();
  await admin.click('button:has-text("Ychwanegu\'r llys")');
  await admin.locator('.error-summary').waitFor();
  assert.match(await admin.locator('.error-summary').innerText(), /Rhowch enw'r llys/);
  await allWelsh(admin, 'directory: add a court, with its errors');
  await admin.context().close();
});
