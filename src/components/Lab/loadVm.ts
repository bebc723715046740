/**
 * The only place that pulls in the emulator. The dynamic import makes webpack
 * put v86 and the driver in their own chunk, fetched on "Start lab" only.
 */
import siteConfig from '@generated/docusaurus.config';
import type {LabVm} from '@site/src/vm/types';

export async function loadVm(): Promise<LabVm> {
  const {createBrowserVm} = await import(/* webpackChunkName: "vm" */ '@site/src/vm/browser');
  // The image build copies the VM files to static/vm/, served under the site's base URL.
  return createBrowserVm({baseUrl: `${siteConfig.baseUrl}vm/`});
}
