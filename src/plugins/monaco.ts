/**
 * Local Docusaurus plugin: Monaco (the Files tab's editor) in its own lazy
 * chunks. Monaco 0.5x's ESM build creates its workers with
 * `new Worker(new URL(..., import.meta.url))`, which webpack 5 bundles by
 * itself, so monaco-editor-webpack-plugin is not needed; this plugin only
 * - keeps every Monaco module out of the chunks a lesson page loads up front
 *   (Docusaurus would otherwise merge modules used by many pages into its
 *   "common" chunk), so the page stays within its JavaScript budget;
 *   Its CSS, too, stays in a lazy chunk rather than the site's one stylesheet;
 * - leaves Monaco out of the server bundle: it touches `window` when it
 *   loads, and the Files tab only ever renders in the browser.
 */
import path from 'node:path';
import type {LoadContext, Plugin} from '@docusaurus/types';

const MONACO = /[\\/]node_modules[\\/]monaco-editor[\\/]/;

export default function monacoPlugin(context: LoadContext): Plugin {
  // Imported as './monaco' by the editor and '../FileEditor/monaco' by Lab/offline.ts.
  const entry = path.join(context.siteDir, 'src/components/FileEditor/monaco');
  return {
    name: 'netlab-monaco',
    configureWebpack(_config, isServer, {currentBundler}) {
      if (isServer) {
        return {
          plugins: [
            new currentBundler.instance.IgnorePlugin({
              checkResource: (resource: string, context: string) => path.resolve(context, resource) === entry,
            }),
          ],
        };
      }
      return {
        optimization: {
          splitChunks: {
            cacheGroups: {
              monaco: {test: MONACO, chunks: 'async', priority: 45, reuseExistingChunk: true},
              // Docusaurus puts all CSS in one file every page loads; Monaco's
              // stays with its lazy chunk instead (it styles nothing else).
              monacoStyles: {test: MONACO, type: 'css/mini-extract', chunks: 'async', priority: 60, enforce: true},
            },
          },
        },
      };
    },
  };
}
