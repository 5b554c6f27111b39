// Registers the offline service worker (dist/sw.js). Kept tiny and external for the CSP.
// Also shows what offline reading costs (OfflineNote.astro): the full download, or with
// Save-Data on, that only opened pages are kept.
if ('serviceWorker' in navigator && location.protocol !== 'file:') {
  var c = navigator.connection;
  var n = document.querySelector(
    '[data-offline-note="' + (c && c.saveData ? 'save-data' : 'full') + '"]',
  );
  if (n) n.hidden = false;
  addEventListener('load', function () {
    navigator.serviceWorker.register('/sw.js').catch(function () {});
  });
}
