// The steps the SPF builder tests share: answer the builder's Google
// questions from the local DoH endpoint (this machine has no internet, and
// with no resolver remembered the builder asks Google's), and type a plan
// with one include target into the Generate half.
//
//   const asked = await answerGoogleLocally(page, doh);
//   await typeInclude(page, 'l9.spf-chain.net');
export async function answerGoogleLocally(page, doh) {
  const asked = [];
  await page.route('https://dns.google/resolve**', async (route) => {
    const url = new URL(route.request().url());
    asked.push(url.searchParams.get('name'));
    await route.fulfill({ response: await route.fetch({ url: `${doh.url}/resolve${url.search}` }) });
  });
  return asked;
}

export async function typeInclude(page, target) {
  await page.fill('#domain', 'example.com');
  await page.fill('#hosts-0-ipv4-0', '192.0.2.1');
  await page.click('#section-spf > summary');
  await page.click('#spf-includes > button.add');
  await page.fill('#spf-includes-0', target);
}
