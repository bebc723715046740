/**
 * Loads Monaco (a lazy chunk, see ./monaco.ts) and creates one editor in
 * `host`. Returns null until it is ready, or a sentence if it could not load
 * (offline before the chunk was ever fetched).
 */
import {useEffect, useRef, useState, type RefObject} from 'react';
import type * as Monaco from 'monaco-editor/editor/editor.api';

export type MonacoApi = typeof Monaco;

export interface LoadedEditor {
  monaco: MonacoApi;
  editor: Monaco.editor.IStandaloneCodeEditor;
}

export function useEditor(
  host: RefObject<HTMLDivElement | null>,
  onSave: () => void,
): {loaded: LoadedEditor | null; failed: string | null} {
  const [loaded, setLoaded] = useState<LoadedEditor | null>(null);
  const [failed, setFailed] = useState<string | null>(null);
  // Monaco's command is registered once; it calls whatever save is current.
  const save = useRef(onSave);
  useEffect(() => {
    save.current = onSave;
  }, [onSave]);

  useEffect(() => {
    let disposed = false;
    let editor: Monaco.editor.IStandaloneCodeEditor | null = null;
    import(/* webpackChunkName: "monaco" */ './monaco')
      .then(({default: monaco}) => {
        if (disposed || !host.current) return;
        editor = monaco.editor.create(host.current, {
          model: null,
          theme: 'vs-dark',
          automaticLayout: true,
          minimap: {enabled: false},
          fontSize: 13,
          scrollBeyondLastLine: false,
          renderWhitespace: 'selection',
          // Tab moves focus out of the editor for keyboard users after Ctrl+M, as in VS Code.
          tabFocusMode: false,
          ariaLabel: 'File editor',
        });
        editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.KeyS, () => save.current());
        setLoaded({monaco, editor});
      })
      .catch((e: unknown) => {
        if (!disposed) setFailed(`The editor could not load (${e instanceof Error ? e.message : String(e)}).`);
      });
    return () => {
      disposed = true;
      editor?.getModel()?.dispose();
      editor?.dispose();
    };
  }, [host]);

  return {loaded, failed};
}
