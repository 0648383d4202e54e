// Registers the service worker (sw.js) and offers a new version when one is
// deployed. Loaded by the boot script in index.html (scripts/csp.py) once
// the page is interactive, so none of it is part of the first view.
//
// The banner is built with plain DOM calls in this file rather than by the
// yew app: it would cost the first view's wasm about a kilobyte, and this
// file costs the first view nothing. Its two sentences follow the page's
// language (`<html lang>`, which the app keeps in step with its switch).
'use strict';
(function () {
  var sw = navigator.serviceWorker;
  if (!sw) return;
  var TEXT = {
    en: ['A new version of maildns is available.', 'Reload'],
    zh: ['maildns 已发布新版本。', '刷新页面'],
  };
  var banner = null;
  var asked = false;

  function words() {
    return TEXT[/^zh/.test(document.documentElement.lang) ? 'zh' : 'en'];
  }

  // The banner: a complementary landmark at the top of the page (axe wants
  // all content in one), its sentence a live region, its button the reload.
  function offer(registration) {
    if (banner) return;
    banner = document.createElement('aside');
    banner.className = 'update-banner';
    banner.id = 'update-banner';
    banner.setAttribute('aria-labelledby', 'update-text');
    var text = document.createElement('p');
    text.id = 'update-text';
    text.setAttribute('role', 'status');
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button small';
    button.setAttribute('data-action', 'reload-update');
    button.addEventListener('click', function () {
      asked = true;
      button.disabled = true;
      // The waiting worker takes over; `controllerchange` then reloads. No
      // waiting worker (another tab already switched): reload at once.
      if (registration && registration.waiting) registration.waiting.postMessage('maildns-activate');
      else location.reload();
    });
    banner.appendChild(text);
    banner.appendChild(button);
    document.body.insertBefore(banner, document.body.firstChild);
    var translate = function () {
      var w = words();
      text.textContent = w[0];
      button.textContent = w[1];
    };
    // The text goes in after the live region exists, so it is announced.
    setTimeout(translate, 50);
    new MutationObserver(translate).observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
  }

  sw.register('./sw.js').then(function (registration) {
    // A new worker waits only when an older one controls this page: the
    // first install has nothing to replace.
    var check = function () {
      if (registration.waiting && sw.controller) offer(registration);
    };
    registration.addEventListener('updatefound', function () {
      var next = registration.installing;
      if (next) next.addEventListener('statechange', function () { if (next.state === 'installed') check(); });
    });
    check();
    // A page left open hears of a deploy too: ask again when the connection
    // comes back, when the page is shown again, and every hour.
    var update = function () { registration.update().catch(function () {}); };
    addEventListener('online', update);
    document.addEventListener('visibilitychange', function () { if (!document.hidden) update(); });
    setInterval(update, 3600 * 1000);
  }).catch(function () {});

  var first = !sw.controller;
  sw.addEventListener('controllerchange', function () {
    // The first install taking control changes nothing the page runs.
    if (first) { first = false; return; }
    if (asked) location.reload();
    // Another tab switched to the new version: this page's older files are
    // gone from the cache, so it offers the reload too.
    else offer(null);
  });
})();
