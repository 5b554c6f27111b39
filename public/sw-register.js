// Registers the offline service worker (dist/sw.js). Kept tiny and external for the CSP.
if ('serviceWorker' in navigator && location.protocol !== 'file:')
  addEventListener('load', function () {
    navigator.serviceWorker.register('/sw.js').catch(function () {});
  });
