/**
 * The only place that pulls in the emulator. The dynamic import makes webpack
 * put v86 and the driver in their own chunk, fetched on "Start lab" only.
 */
import siteConfig from '@generated/docusaurus.config';
import type {LabVm} from '@site/src/vm/types';

export async function loadVm(): Promise<LabVm> {
  // The image build copies the VM files to static/vm/, served under the site's base URL.
  const base = `${siteConfig.baseUrl}vm/`;
  // The offline worker keeps the VM files cache-first; reading the manifest
  // first lets it notice a new image and drop the old files before they load.
  await fetch(`${base}manifest.json`, {cache: 'no-cache'}).catch(() => undefined);
  const {createBrowserVm} = await import(/* webpackChunkName: "vm" */ '@site/src/vm/browser');
  return createBrowserVm({baseUrl: base});
}
