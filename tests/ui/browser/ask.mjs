// Drives the chat page in headless Chromium like a person would: type a question, submit, wait
// for a source card with a highlighted passage, follow the answer's [1] link, take a screenshot.
//
//   node ask.mjs URL SCREENSHOT_PATH [QUESTION] [EXPECTED_WORD]
//
// Prints one JSON line with what it saw; exits 1 (after a screenshot, for diagnosis) when a
// check fails. Uses Debian's Chromium: playwright cannot download browsers here.
import { chromium } from 'playwright-core';

const [url, screenshot, question = 'Who is the Luhansk regional governor?', expected = 'Haidai'] =
  process.argv.slice(2);
const TIMEOUT_MS = 120_000;
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
  '--disable-component-update', '--no-first-run', '--disable-sync',
];

if (!url || !screenshot) {
  console.error('usage: node ask.mjs URL SCREENSHOT_PATH [QUESTION] [EXPECTED_WORD]');
  process.exit(2);
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

// The page must work offline: anything not served by the app itself is blocked and reported.
async function blockOutsideRequests(page, external) {
  const origin = new URL(url).origin;
  await page.route('**/*', (route) => {
    const target = route.request().url();
    if (target.startsWith(origin) || target.startsWith('data:') || target.startsWith('blob:')) {
      return route.continue();
    }
    external.push(target);
    return route.abort();
  });
}

async function ask(page) {
  await page.goto(url, { waitUntil: 'domcontentloaded', timeout: TIMEOUT_MS });
  const box = page.locator('#question textarea');
  await box.waitFor({ timeout: TIMEOUT_MS });
  await box.fill(question);
  await page.locator('#ask-button').click();
  // The card with a <mark> is the last thing the answer renders.
  await page.locator('#sources .source-card mark').first().waitFor({ timeout: TIMEOUT_MS });
}

async function inspect(page) {
  const card = page.locator('#sources .source-card').first();
  const link = page.locator('#chat a.cite').first();
  const seen = {
    cardId: await card.getAttribute('id'),
    marked: await card.locator('mark').first().innerText(),
    file: await card.locator('.source-file').innerText(),
    chat: await page.locator('#chat').innerText(),
    linkHref: await link.getAttribute('href'),
    linkTarget: await link.getAttribute('target'),
  };
  await link.click();
  seen.hashAfterClick = await page.evaluate(() => window.location.hash);
  seen.cardVisibleAfterClick = await card.isVisible();
  return seen;
}

function verify(seen) {
  check(seen.cardId === 'source-1', `first card id is ${seen.cardId}, expected source-1`);
  check(seen.marked.includes(expected), `highlighted passage lacks "${expected}": ${seen.marked}`);
  check(seen.chat.includes(expected), `chat lacks "${expected}"`);
  check(seen.linkHref === '#source-1', `[1] links to ${seen.linkHref}`);
  check(!seen.linkTarget, `[1] opens in target ${seen.linkTarget}, expected the same page`);
  check(seen.hashAfterClick === '#source-1', `after clicking [1] the hash is ${seen.hashAfterClick}`);
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: CHROMIUM_ARGS,
});
const external = [];
const pageErrors = [];
let exitCode = 0;
let seen = {};
try {
  const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
  page.on('pageerror', (err) => pageErrors.push(String(err)));
  await blockOutsideRequests(page, external);
  try {
    await ask(page);
    seen = await inspect(page);
    verify(seen);
  } catch (err) {
    seen.error = String(err && err.message ? err.message : err);
    exitCode = 1;
  } finally {
    await page.screenshot({ path: screenshot, fullPage: true }).catch(() => {});
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify({ ok: exitCode === 0, ...seen, external, pageErrors }));
process.exit(exitCode);
