/**
 * Monaco, bundled with the site (never from a CDN) and loaded only when the
 * Files tab first opens: the editor core, the few editing features a config
 * file needs, and the grammars of ./language.ts. The editor's web worker is
 * a webpack chunk of this site too, so the offline worker caches it like any
 * other asset (see Lab/offline.ts).
 */
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/features/codicon/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/folding/register';
import 'monaco-editor/features/bracketMatching/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/clipboard/register';
import 'monaco-editor/features/contextmenu/register';
import 'monaco-editor/features/cursorUndo/register';
import 'monaco-editor/features/multicursor/register';
import 'monaco-editor/features/wordHighlighter/register';
import 'monaco-editor/features/wordOperations/register';
import 'monaco-editor/features/linesOperations/register';
import 'monaco-editor/features/indentation/register';
import 'monaco-editor/features/gotoLine/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/readOnlyMessage/register';
import 'monaco-editor/languages/definitions/shell/register';
import 'monaco-editor/languages/definitions/ini/register';
import 'monaco-editor/languages/definitions/yaml/register';

declare global {
  interface Window {
    MonacoEnvironment?: {getWorker(workerId: string, label: string): Worker};
  }
}

/** The editor's one worker (word ranges, links); webpack bundles it as a chunk of this site. */
function editorWorker(): Worker {
  return new Worker(new URL('monaco-editor/editor/editor.worker', import.meta.url), {type: 'module'});
}

window.MonacoEnvironment = {getWorker: editorWorker};

// JSON is highlighted by a small grammar of our own. Monaco's JSON language
// service would validate too, but it pulls in the whole editor (73 more
// contributions, registered too late for an editor already open) and a
// second worker: most of a megabyte for red squiggles.
monaco.languages.register({id: 'json', extensions: ['.json', '.conflist'], aliases: ['JSON']});
monaco.languages.setLanguageConfiguration('json', {
  brackets: [
    ['{', '}'],
    ['[', ']'],
  ],
  autoClosingPairs: [
    {open: '{', close: '}'},
    {open: '[', close: ']'},
    {open: '"', close: '"', notIn: ['string']},
  ],
});
monaco.languages.setMonarchTokensProvider('json', {
  tokenizer: {
    root: [
      [/"(?:[^"\\]|\\.)*"(?=\s*:)/, 'type'],
      [/"(?:[^"\\]|\\.)*"/, 'string'],
      [/-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/, 'number'],
      [/\b(?:true|false|null)\b/, 'keyword'],
      [/[{}[\],:]/, 'delimiter'],
    ],
  },
});

/**
 * Loads what the editor's first use would (its worker, the icon font, the
 * grammars), so the
 * offline worker has cached them by the time the network is gone. Called by
 * Lab/offline.ts when a lab starts.
 */
export async function warmForOffline(): Promise<void> {
  const worker = editorWorker();
  // The worker says nothing until spoken to; its first error or message means its script has loaded.
  const loaded = new Promise<void>((resolve) => {
    worker.onmessage = () => resolve();
    worker.onerror = () => resolve();
    setTimeout(resolve, 10_000);
  });
  worker.postMessage('');
  // Each grammar (shell, ini, YAML) is a chunk of its own, loaded when first
  // needed; colorizing an empty text loads it now.
  const grammars = ['shell', 'ini', 'yaml'].map((id) => monaco.editor.colorize('', id, {}));
  try {
    await Promise.all([loaded, document.fonts.load('16px codicon'), ...grammars]);
  } finally {
    worker.terminate();
  }
}

export default monaco;
