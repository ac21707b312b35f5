// Browser test of the reviewer console served by `offside serve` under /console.
//
// A plain Node script (no test runner): crates/cli/tests/console.rs starts the server, records
// the scenario's data through the API and runs `node tests/browser/console.spec.mjs` with:
//
//   OFFSIDE_URL         the server's base URL, e.g. http://127.0.0.1:40123
//   REVIEWER_NAME       a reviewer made with `offside reviewers add` (role reviewer)
//   REVIEWER_PASSWORD   its password
//   ADMIN_NAME          an admin made with `offside reviewers add --role admin`
//   ADMIN_PASSWORD      its password
//   SCREENSHOT_DIR      where the screenshots go (created when missing)
//   OFFSIDE_CHROMIUM    optional: the Chromium binary (default /usr/bin/chromium)
//
// The data it expects (recorded by console.rs): a held attachment `held-1` from `f-held` with
// "alex at gmail dot com" in it, and an appeal by `f-appeal` of its violation in `msg-appeal`.
//
// It prints one line per step and exits 1 with the failed step, the page's address and the
// start of its text on the first failure (a screenshot `failure.png` goes with it).

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';

function required(name) {
  const value = process.env[name];
  if (!value) {
    console.error(`console.spec.mjs: the environment variable ${name} is not set`);
    process.exit(2);
  }
  return value;
}

const BASE = required('OFFSIDE_URL').replace(/\/+$/, '');
const REVIEWER = { name: required('REVIEWER_NAME'), password: required('REVIEWER_PASSWORD') };
const ADMIN = { name: required('ADMIN_NAME'), password: required('ADMIN_PASSWORD') };
const SCREENSHOT_DIR = required('SCREENSHOT_DIR');
const CHROMIUM = process.env.OFFSIDE_CHROMIUM || '/usr/bin/chromium';

// What console.rs records before running this script.
const HELD_MESSAGE = 'held-1';
const HELD_ACCOUNT = 'f-held';
const HELD_FINDING_TEXT = 'alex at gmail dot com';
const HELD_FINDING_VALUE = 'alex@gmail.com';
const APPEAL_MESSAGE = 'msg-appeal';
const APPEAL_ACCOUNT = 'f-appeal';
const SIMULATED_TEXT = 'call me at four one five 839 2716';
const SIMULATED_VALUE = '+14158392716';

mkdirSync(SCREENSHOT_DIR, { recursive: true });

const url = (pathname) => `${BASE}${pathname}`;
const pathOf = (page) => new URL(page.url()).pathname;
const text = async (locator) => ((await locator.textContent()) ?? '').trim();

let browser;
let currentPage = null;
const pageErrors = [];

async function newPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  page.setDefaultNavigationTimeout(30_000);
  page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
      console.log(`  (browser console error on ${page.url()}: ${message.text()})`);
    }
  });
  page.on('response', (response) => {
    // Documents are checked by the steps; this tells about a missing stylesheet or the like.
    const request = response.request();
    if (response.status() >= 400 && request.resourceType() !== 'document') {
      console.log(`  (${request.resourceType()} ${response.url()} answered ${response.status()})`);
    }
  });
  currentPage = page;
  return page;
}

async function screenshot(page, name) {
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, name), fullPage: true });
}

/** Navigates and returns the response of the document finally shown (after redirects). */
async function goto(page, pathname) {
  currentPage = page;
  const response = await page.goto(url(pathname), { waitUntil: 'load' });
  assert.ok(response, `GET ${pathname}: no response`);
  return response;
}

/** The submit button of a form: a button that is not type=button/reset, or an input. */
function submitButton(page, form) {
  return page
    .locator(
      `${form} button:not([type=button]):not([type=reset]), ${form} input[type=submit]`,
    )
    .first();
}

/**
 * Clicks something that submits a form and waits for the document that answers it; returns
 * that response (the last one after redirects).
 */
async function submitBy(page, clickable) {
  currentPage = page;
  const [response] = await Promise.all([
    page.waitForNavigation({ waitUntil: 'load' }),
    clickable.click(),
  ]);
  assert.ok(response, 'submitting the form gave no response');
  return response;
}

/** Fills the login form on the current page and submits it. */
async function fillLogin(page, who, password) {
  const form = page.locator('form#login');
  assert.equal(await form.count(), 1, 'the login page has a form#login');
  assert.equal(
    await form.locator('input[type=hidden][name=csrf]').count(),
    1,
    'form#login has a hidden csrf field',
  );
  await form.locator('input[name=name]').fill(who);
  await form.locator('input[name=password]').fill(password);
}

async function signIn(page, who) {
  const response = await goto(page, '/console/login');
  assert.equal(response.status(), 200, 'GET /console/login answers 200');
  await fillLogin(page, who.name, who.password);
  const answer = await submitBy(page, page.locator('form#login button[type=submit]'));
  assert.equal(
    pathOf(page),
    '/console',
    `signing in as ${who.name} leads to /console (status ${answer.status()})`,
  );
}

async function checkNav(page) {
  const nav = page.locator('nav');
  assert.ok((await nav.count()) >= 1, `${pathOf(page)} has a <nav>`);
  for (const href of ['/console', '/console/overview', '/console/simulator']) {
    assert.ok(
      (await page.locator(`nav a[href="${href}"]`).count()) >= 1,
      `${pathOf(page)}: the nav links to ${href}`,
    );
  }
  assert.equal(
    await page.locator('form#signout').count(),
    1,
    `${pathOf(page)} has a sign-out form#signout`,
  );
}

/** The queue rows as {kind, itemId, href}. */
async function queueRows(page) {
  assert.equal(await page.locator('table#queue').count(), 1, 'the queue page has table#queue');
  return page.locator('table#queue tr.item').evaluateAll((rows) =>
    rows.map((row) => ({
      kind: row.getAttribute('data-kind'),
      itemId: row.getAttribute('data-item-id'),
      href: row.querySelector('a.open')?.getAttribute('href') ?? null,
    })),
  );
}

/** Opens a queue row's item through its a.open link, checking where the link goes. */
async function openRow(page, row) {
  assert.ok(row.href, `the queue row of ${row.itemId} has an a.open link`);
  const linked = decodeURIComponent(new URL(row.href, url('/console')).pathname);
  assert.equal(
    linked,
    `/console/items/${row.itemId}`,
    `a.open of ${row.itemId} links to /console/items/{item_id} with the id percent-encoded (href="${row.href}")`,
  );
  const link = page.locator(`table#queue tr.item[data-item-id="${row.itemId}"] a.open`);
  const response = await submitBy(page, link);
  assert.equal(response.status(), 200, `the item page of ${row.itemId} answers 200`);
}

async function accountStanding(page) {
  const sanction = await text(page.locator('#sanction'));
  const pointsText = await text(page.locator('#points'));
  const points = Number.parseFloat(pointsText);
  assert.ok(!Number.isNaN(points), `#points is a number, got "${pointsText}"`);
  return { sanction, points };
}

let step = 0;
let reported = false;
async function run(name, body) {
  step += 1;
  try {
    await body();
    console.log(`ok ${step} - ${name}`);
  } catch (error) {
    console.log(`not ok ${step} - ${name}`);
    console.error(`\nFAILED step ${step} (${name}): ${error.message}`);
    if (currentPage && !currentPage.isClosed()) {
      try {
        console.error(`  page: ${currentPage.url()}`);
        const body = await currentPage.locator('body').innerText({ timeout: 2_000 });
        console.error(`  page text (start):\n${body.slice(0, 1500).replace(/^/gm, '    ')}`);
        await screenshot(currentPage, 'failure.png');
        console.error(`  screenshot: ${path.join(SCREENSHOT_DIR, 'failure.png')}`);
      } catch {
        // The page is gone; the message above is what there is.
      }
    }
    if (error.stack) {
      console.error(`\n${error.stack}`);
    }
    reported = true;
    throw error;
  }
}

async function main() {
  browser = await chromium.launch({
    executablePath: CHROMIUM,
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

  const page = await newPage();
  let heldRow;
  let sessionCookie;

  await run('a wrong password answers 401 with the login form', async () => {
    const response = await goto(page, '/console/login');
    assert.equal(response.status(), 200, 'GET /console/login answers 200');
    const csrfCookie = (await page.context().cookies()).find(
      (c) => c.name === 'offside_login_csrf',
    );
    assert.ok(csrfCookie, 'GET /console/login sets the offside_login_csrf cookie');
    const field = await page.locator('form#login input[name=csrf]').inputValue();
    assert.equal(field, csrfCookie.value, 'the login csrf field holds the cookie value');
    await fillLogin(page, REVIEWER.name, `${REVIEWER.password}-wrong`);
    const answer = await submitBy(page, page.locator('form#login button[type=submit]'));
    assert.equal(answer.status(), 401, 'a wrong password answers 401');
    assert.match(await page.locator('body').innerText(), /Wrong name or password/);
    assert.equal(await page.locator('form#login').count(), 1, 'the 401 page shows the form again');
  });

  await run(`sign in as ${REVIEWER.name}`, async () => {
    const response = await goto(page, '/console/login');
    assert.equal(response.status(), 200);
    await fillLogin(page, REVIEWER.name, REVIEWER.password);
    await screenshot(page, 'login.png');
    await submitBy(page, page.locator('form#login button[type=submit]'));
    assert.equal(pathOf(page), '/console', 'signing in leads to /console');
    sessionCookie = (await page.context().cookies()).find((c) => c.name === 'offside_session');
    assert.ok(sessionCookie, 'signing in sets the offside_session cookie');
    assert.equal(sessionCookie.httpOnly, true, 'offside_session is HttpOnly');
    assert.equal(sessionCookie.sameSite, 'Strict', 'offside_session is SameSite=Strict');
    assert.equal(sessionCookie.path, '/console', 'offside_session has Path=/console');
    await checkNav(page);
  });

  await run('the queue lists the held message and the appeal', async () => {
    const rows = await queueRows(page);
    heldRow = rows.find(
      (row) => row.kind === 'held_violation' && row.itemId?.startsWith(`${HELD_MESSAGE}#`),
    );
    assert.ok(
      heldRow,
      `a tr.item[data-kind=held_violation] whose data-item-id starts with "${HELD_MESSAGE}#"; rows: ${JSON.stringify(rows)}`,
    );
    const appealIndex = rows.findIndex((row) => row.kind === 'appeal');
    assert.ok(appealIndex >= 0, `a tr.item[data-kind=appeal]; rows: ${JSON.stringify(rows)}`);
    assert.ok(
      rows.indexOf(heldRow) < appealIndex,
      `oldest first: the held message (2026-11-20) before the appeal (filed now); rows: ${JSON.stringify(rows)}`,
    );
    const counts = await text(page.locator('#counts'));
    assert.match(counts, /held_violation/, `#counts names the held violations: "${counts}"`);
    assert.match(counts, /appeal/, `#counts names the appeals: "${counts}"`);
    await screenshot(page, 'queue.png');
  });

  await run(`a held violation does not count before it is confirmed (${HELD_ACCOUNT})`, async () => {
    const response = await goto(page, `/console/accounts/${HELD_ACCOUNT}`);
    assert.equal(response.status(), 200);
    const { sanction } = await accountStanding(page);
    assert.equal(sanction, 'none', `#sanction of ${HELD_ACCOUNT} before the verdict`);
  });

  await run('the held item shows the evidence; confirm it', async () => {
    await goto(page, '/console');
    await openRow(page, heldRow);
    await checkNav(page);
    const mark = page.locator('#evidence mark.finding[data-kind=email]');
    assert.ok((await mark.count()) >= 1, '#evidence has a mark.finding[data-kind=email]');
    const marked = await mark.allTextContents();
    assert.ok(
      marked.map((m) => m.trim()).includes(HELD_FINDING_TEXT),
      `a marked finding reads "${HELD_FINDING_TEXT}", got ${JSON.stringify(marked)}`,
    );
    const values = (await page.locator('.finding-value').allTextContents()).map((v) => v.trim());
    assert.ok(
      values.includes(HELD_FINDING_VALUE),
      `a .finding-value is "${HELD_FINDING_VALUE}", got ${JSON.stringify(values)}`,
    );
    const rule = heldRow.itemId.slice(heldRow.itemId.indexOf('#') + 1);
    const shownRule = await text(page.locator('#rule'));
    assert.ok(shownRule.includes(rule), `#rule shows "${rule}", got "${shownRule}"`);
    const form = page.locator('form#verdict');
    assert.equal(await form.count(), 1, 'a held violation has form#verdict');
    assert.equal(await form.locator('input[type=hidden][name=csrf]').count(), 1);
    assert.equal(await form.locator('button[name=verdict][value=dismiss]').count(), 1);
    await form.locator('textarea[name=note]').fill('confirmed by test');
    await screenshot(page, 'item.png');
    await submitBy(page, form.locator('button[name=verdict][value=confirm]'));
    assert.equal(
      pathOf(page),
      `/console/accounts/${HELD_ACCOUNT}`,
      'a verdict leads to the account page',
    );
  });

  await run(`the confirmed violation counts against ${HELD_ACCOUNT}`, async () => {
    const flash = await text(page.locator('#flash'));
    assert.ok(flash.length > 0, '#flash says what was recorded');
    const { sanction, points } = await accountStanding(page);
    assert.notEqual(sanction, 'none', '#sanction after confirming');
    assert.ok(points > 0, `#points after confirming is > 0, got ${points}`);
    assert.ok(
      (await page.locator('ol#timeline li').count()) >= 1,
      'ol#timeline lists the events',
    );
    for (const id of ['#violations', '#reports-filed', '#linked']) {
      assert.equal(await page.locator(id).count(), 1, `the account page has ${id}`);
    }
    await screenshot(page, 'account.png');
  });

  await run('the queue filter shows only appeals; deny the appeal', async () => {
    await goto(page, '/console');
    const rows = await queueRows(page);
    assert.ok(
      !rows.some((row) => row.itemId === heldRow.itemId),
      `the confirmed item left the queue; rows: ${JSON.stringify(rows)}`,
    );
    // Submit the real filter form (every field goes, the empty ones too).
    await page.locator('form#filters select[name=kind]').selectOption('appeal');
    for (const field of ['select[name=rule]', 'select[name=surface]', 'input[name=min_age_hours]']) {
      assert.equal(await page.locator(`form#filters ${field}`).count(), 1, `form#filters has ${field}`);
    }
    const [response] = await Promise.all([
      page.waitForNavigation({ waitUntil: 'load' }),
      page.locator('form#filters').evaluate((form) => form.requestSubmit()),
    ]);
    assert.equal(response?.status(), 200, `the filtered queue (${page.url()}) answers 200`);
    const filtered = await queueRows(page);
    assert.ok(filtered.length >= 1, 'the filtered queue has the appeal');
    assert.ok(
      filtered.every((row) => row.kind === 'appeal'),
      `kind=appeal shows only appeals; rows: ${JSON.stringify(filtered)}`,
    );
    const appealRow =
      filtered.find((row) => row.itemId?.startsWith(`${APPEAL_MESSAGE}#`)) ?? filtered[0];
    await openRow(page, appealRow);
    const form = page.locator('form#appeal');
    assert.equal(await form.count(), 1, 'an appeal has form#appeal');
    assert.equal(await form.locator('input[type=hidden][name=csrf]').count(), 1);
    assert.equal(await form.locator('button[name=verdict][value=uphold]').count(), 1);
    await submitBy(page, form.locator('button[name=verdict][value=deny]'));
    assert.equal(
      pathOf(page),
      `/console/accounts/${APPEAL_ACCOUNT}`,
      'a decision on an appeal leads to the appellant',
    );
    const { sanction, points } = await accountStanding(page);
    assert.notEqual(sanction, 'none', 'a denied appeal leaves the violation counting');
    assert.ok(points > 0, `#points after the denied appeal is > 0, got ${points}`);
    await screenshot(page, 'appeal.png');
  });

  await run('the simulator finds a phone number written in words', async () => {
    const response = await goto(page, '/console/simulator');
    assert.equal(response.status(), 200);
    await checkNav(page);
    const form = page.locator('form#simulate');
    assert.equal(await form.count(), 1, 'the simulator has form#simulate');
    assert.equal(await form.locator('input[type=hidden][name=csrf]').count(), 1);
    await form.locator('textarea[name=text]').fill(SIMULATED_TEXT);
    await form.locator('select[name=surface]').selectOption('message');
    await form.locator('select[name=relationship]').selectOption('none');
    const answer = await submitBy(page, submitButton(page, 'form#simulate'));
    assert.equal(answer.status(), 200, 'the simulation answers 200');
    const action = await text(page.locator('#decision-action'));
    assert.ok(action.length > 0, '#decision-action names the action');
    assert.notEqual(action, 'allow', '#decision-action');
    const values = (await page.locator('#findings .finding-value').allTextContents()).map((v) =>
      v.trim(),
    );
    assert.ok(
      values.includes(SIMULATED_VALUE),
      `#findings has a .finding-value "${SIMULATED_VALUE}", got ${JSON.stringify(values)}`,
    );
    assert.equal(await page.locator('#notice').count(), 1, 'the answer shows #notice');
    await screenshot(page, 'simulator.png');
  });

  await run('the overview draws charts', async () => {
    const response = await goto(page, '/console/overview');
    assert.equal(response.status(), 200);
    await checkNav(page);
    const charts = await page.locator('svg.chart').count();
    assert.ok(charts >= 1, `at least one svg.chart, got ${charts}`);
    await screenshot(page, 'overview.png');
  });

  await run('the login form works with the keyboard alone', async () => {
    const keyboardPage = await newPage();
    await goto(keyboardPage, '/console/login');
    await keyboardPage.locator('form#login input[name=name]').focus();
    await keyboardPage.keyboard.type(REVIEWER.name);
    await keyboardPage.keyboard.press('Tab');
    const afterName = await keyboardPage.evaluate(() => document.activeElement?.getAttribute('name'));
    assert.equal(afterName, 'password', 'Tab from the name field moves to the password field');
    await keyboardPage.keyboard.type(REVIEWER.password);
    await keyboardPage.keyboard.press('Tab');
    const onSubmit = await keyboardPage.evaluate(() =>
      document.activeElement?.matches('form#login button[type=submit]'),
    );
    assert.equal(onSubmit, true, 'Tab from the password field moves to the submit button');
    await Promise.all([
      keyboardPage.waitForNavigation({ waitUntil: 'load' }),
      keyboardPage.keyboard.press('Enter'),
    ]);
    assert.equal(pathOf(keyboardPage), '/console', 'Enter on the submit button signs in');
    await keyboardPage.context().close();
    currentPage = page;
  });

  await run('sign out ends the session', async () => {
    await goto(page, '/console');
    await submitBy(page, submitButton(page, 'form#signout'));
    const response = await goto(page, '/console');
    assert.equal(pathOf(page), '/console/login', 'after signing out /console leads to the login page');
    assert.equal(response.status(), 200);
    // The old cookie, replayed, no longer signs anybody in.
    const replay = await newPage();
    await replay.context().addCookies([sessionCookie]);
    await goto(replay, '/console');
    assert.equal(
      pathOf(replay),
      '/console/login',
      'the signed-out session token is no longer accepted',
    );
    await replay.context().close();
    currentPage = page;
  });

  await run(`the reviewer list is for admins: ${ADMIN.name} sees it`, async () => {
    const adminPage = await newPage();
    await signIn(adminPage, ADMIN);
    const response = await goto(adminPage, '/console/admin/reviewers');
    assert.equal(response.status(), 200, `GET /console/admin/reviewers as ${ADMIN.name}`);
    const body = await adminPage.locator('body').innerText();
    assert.ok(body.includes(REVIEWER.name), `the reviewer list shows ${REVIEWER.name}`);
    assert.equal(await adminPage.locator('form#add-reviewer').count(), 1, 'form#add-reviewer');
    await adminPage.context().close();
  });

  await run(`the reviewer list is for admins: ${REVIEWER.name} gets 403`, async () => {
    const reviewerPage = await newPage();
    await signIn(reviewerPage, REVIEWER);
    const response = await goto(reviewerPage, '/console/admin/reviewers');
    assert.equal(response.status(), 403, `GET /console/admin/reviewers as ${REVIEWER.name}`);
    await reviewerPage.context().close();
  });

  assert.deepEqual(pageErrors, [], 'no page threw an uncaught JavaScript error');
}

try {
  await main();
  console.log(`\nconsole.spec.mjs: all ${step} steps passed; screenshots in ${SCREENSHOT_DIR}`);
  await browser?.close();
} catch (error) {
  if (!reported) {
    console.error(`console.spec.mjs: FAILED: ${error.stack ?? error}`);
  }
  await browser?.close().catch(() => {});
  process.exit(1);
}
