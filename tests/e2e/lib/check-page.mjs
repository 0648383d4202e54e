// The Check half as the report tests open it: a new context (its own
// storage), the page at `/`, the Check tab clicked; and an audit through
// the local DoH endpoint (Google JSON flavour), waited for to the end.
//
//   const { context, page, errors } = await openCheck(browser, server, { locale: 'zh-CN', width: 360 });
//   await auditThrough(page, doh, 'good-mail.net');
export async function openCheck(browser, server, { locale = 'en-US', width = 1280, contextOptions = {}, before } = {}) {
  const context = await browser.newContext({ locale, viewport: { width, height: 900 }, ...contextOptions });
  if (before) await before(context);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(`${server.url}/`);
  await page.waitForSelector('header h1');
  await page.click('#tab-check');
  await page.waitForSelector('#check-domain');
  return { context, page, errors };
}

export async function auditThrough(page, doh, domain) {
  await page.fill('#check-domain', domain);
  await page.selectOption('#ep-kind', 'custom');
  await page.fill('#ep-url', `${doh.url}/resolve`);
  await page.selectOption('#ep-flavor', 'google');
  await page.click('[data-action="audit"]');
  await page.waitForSelector('.check[data-run="done"]', { timeout: 60_000 });
}
