/**
 * The search bar (@easyops-cn/docusaurus-search-local) fetches its index, its
 * web worker and its autocomplete code on first use. Offline, a first use
 * would find none of them; this loads them ahead (through the offline worker,
 * which caches what goes by), as part of "save this lab for offline use".
 */
import siteConfig from '@generated/docusaurus.config';

export async function warmSearch(): Promise<void> {
  const [worker] = await Promise.all([
    import('@easyops-cn/docusaurus-search-local/dist/client/client/theme/searchByWorker'),
    import('@easyops-cn/autocomplete.js'),
  ]);
  // The search bar's own context when the site has no search contexts: the whole site.
  await worker.fetchIndexesByWorker(siteConfig.baseUrl, '');
}
