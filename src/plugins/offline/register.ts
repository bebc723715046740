/**
 * Client module: registers static/sw.js in production builds so the lab and
 * lessons keep working offline once visited. Dev server pages are not cached,
 * otherwise edits would be hidden behind stale copies.
 */
import ExecutionEnvironment from '@docusaurus/ExecutionEnvironment';
import siteConfig from '@generated/docusaurus.config';

async function register(): Promise<void> {
  const base = siteConfig.baseUrl;
  const registration = await navigator.serviceWorker.register(`${base}sw.js`, {scope: base});
  const worker = registration.active ?? (await navigator.serviceWorker.ready).active;
  // Resources fetched before the worker existed would otherwise miss the cache.
  const urls = [window.location.href, ...performance.getEntriesByType('resource').map((e) => e.name)].filter((u) =>
    u.startsWith(window.location.origin),
  );
  worker?.postMessage({type: 'netlab:precache', urls});
}

if (
  ExecutionEnvironment.canUseDOM &&
  process.env.NODE_ENV === 'production' &&
  'serviceWorker' in navigator &&
  window.isSecureContext
) {
  window.addEventListener('load', () => {
    register().catch(() => {
      // Offline support is an extra; the site works without it.
    });
  });
}
