/**
 * The lab's Files tab: open a file of the VM by path, edit it in Monaco, save
 * it back (atomically, see src/vm/files.ts). Loaded the first time the tab is
 * shown; Monaco itself is a further lazy chunk.
 */
import React, {useCallback, useEffect, useRef, useState, type ReactNode} from 'react';
import {labStore, useLabState} from '@site/src/components/Lab/labStore';
import {FileError, makeVmDir, readVmFile, writeVmFile, type OpenedFile} from '@site/src/vm/files';
import {languageFor, LANGUAGE_NAMES} from './language';
import {useFileRequest} from './store';
import {useEditor} from './useEditor';
import styles from './styles.module.css';

type Status =
  | {kind: 'idle'}
  | {kind: 'busy'; what: string}
  | {kind: 'saved'; at: string}
  | {kind: 'error'; message: string; changed?: boolean; missingDir?: string; retry?: FileRetry};

/** What to open again once a missing directory has been created. */
interface FileRetry {
  path: string;
  lessonText: string | null;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export default function FileEditor(): ReactNode {
  const lab = useLabState();
  const request = useFileRequest();
  const [path, setPath] = useState(request.path);
  const [file, setFile] = useState<OpenedFile | null>(null);
  const [status, setStatus] = useState<Status>({kind: 'idle'});
  const [dirty, setDirty] = useState(false);
  const [offer, setOffer] = useState<string | null>(null);
  const saved = useRef(0);
  const host = useRef<HTMLDivElement>(null);
  const saveRef = useRef<(force?: boolean) => void>(() => undefined);
  const {loaded, failed} = useEditor(
    host,
    useCallback(() => saveRef.current(), []),
  );

  const open = useCallback(
    async (target: string, lessonText: string | null = null) => {
      const vm = labStore.getVm();
      if (!loaded || !vm || labStore.getState().status !== 'ready') return;
      setStatus({kind: 'busy', what: `Opening ${target}…`});
      let opened: OpenedFile;
      try {
        opened = await readVmFile(vm, target);
      } catch (e) {
        const missingDir = e instanceof FileError && e.code === 'no-dir' ? e.dir : undefined;
        setStatus({kind: 'error', message: message(e), missingDir, retry: {path: target, lessonText}});
        return;
      }
      const {monaco, editor} = loaded;
      const language = languageFor(opened.realPath, opened.text);
      editor.getModel()?.dispose();
      const model = monaco.editor.createModel(opened.text, language);
      editor.setModel(model);
      editor.updateOptions({readOnly: opened.readOnly !== null});
      saved.current = model.getAlternativeVersionId();
      model.onDidChangeContent(() => setDirty(model.getAlternativeVersionId() !== saved.current));
      setFile(opened);
      setPath(opened.path);
      setDirty(false);
      setStatus({kind: 'idle'});
      // An empty or new file simply gets the lesson's text (unsaved); an
      // existing one keeps its own, with the lesson's text one click away.
      if (lessonText !== null && opened.text.trim() === '' && opened.readOnly === null) {
        model.pushEditOperations([], [{range: model.getFullModelRange(), text: lessonText}], () => null);
        setOffer(null);
      } else {
        setOffer(lessonText);
      }
      editor.focus();
    },
    [loaded],
  );

  const save = useCallback(
    async (force = false) => {
      const vm = labStore.getVm();
      const model = loaded?.editor.getModel();
      if (!file || !model || !vm || file.readOnly !== null) return;
      const version = model.getAlternativeVersionId();
      setStatus({kind: 'busy', what: `Saving ${file.realPath}…`});
      try {
        const expectVersion = force ? undefined : file.isNew ? '' : file.version;
        const next = await writeVmFile(vm, file.realPath, model.getValue(), {expectVersion});
        setFile({...file, isNew: false, version: next});
        saved.current = version;
        setDirty(model.getAlternativeVersionId() !== version);
        setStatus({kind: 'saved', at: new Date().toLocaleTimeString()});
      } catch (e) {
        setStatus({kind: 'error', message: message(e), changed: e instanceof FileError && e.code === 'changed'});
      }
    },
    [file, loaded],
  );
  useEffect(() => {
    saveRef.current = (force) => void save(force);
  }, [save]);

  // "Edit in lab" and the first load: open the requested path once the lab runs.
  const handled = useRef(-1);
  useEffect(() => {
    if (!loaded || lab.status !== 'ready' || handled.current === request.request) return;
    handled.current = request.request;
    void open(request.path, request.offer);
  }, [loaded, lab.status, request, open]);

  const createDir = async (dir: string, retry: FileRetry) => {
    const vm = labStore.getVm();
    if (!vm) return;
    try {
      await makeVmDir(vm, dir);
      await open(retry.path, retry.lessonText);
    } catch (e) {
      setStatus({kind: 'error', message: message(e)});
    }
  };

  const applyOffer = (mode: 'replace' | 'insert') => {
    const editor = loaded?.editor;
    const model = editor?.getModel();
    if (!editor || !model || offer === null) return;
    const range = mode === 'replace' ? model.getFullModelRange() : editor.getSelection();
    if (!range) return;
    // As an edit, so Ctrl+Z takes it back.
    editor.pushUndoStop();
    editor.executeEdits('lesson', [{range, text: offer, forceMoveMarkers: true}]);
    editor.pushUndoStop();
    editor.focus();
    setOffer(null);
  };

  const language = file ? languageFor(file.realPath, file.text) : null;
  const busy = status.kind === 'busy';
  return (
    <div
      className={styles.files}
      onKeyDown={(e) => {
        // Ctrl/Cmd+S anywhere in the tab saves the file, never the web page.
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void save();
        }
      }}>
      <form
        className={styles.bar}
        onSubmit={(e) => {
          e.preventDefault();
          if (dirty && !window.confirm(`Discard your unsaved changes to ${file?.path}?`)) return;
          void open(path);
        }}>
        <label className={styles.pathLabel}>
          <span>Path in the VM</span>
          <input
            className={styles.path}
            value={path}
            onChange={(e) => setPath(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            placeholder="/etc/hosts"
          />
        </label>
        <button type="submit" className={styles.button} disabled={!loaded || busy || lab.status !== 'ready'}>
          Open
        </button>
        <button
          type="button"
          className={styles.primary}
          onClick={() => void save()}
          disabled={!file || busy || file.readOnly !== null}
          title="Save the file in the VM (Ctrl+S)">
          Save
        </button>
      </form>
      <div className={styles.status} aria-live="polite">
        {file && (
          <span className={styles.name}>
            {file.realPath}
            {dirty && (
              <span className={styles.dirty} title="Unsaved changes">
                {' '}
                ● unsaved
              </span>
            )}
          </span>
        )}
        {/* A new file where nothing can be saved is only explained by the read-only note below. */}
        {file?.isNew && file.readOnly === null && <span className={styles.note}>new file: Save creates it</span>}
        {language && <span className={styles.lang}>{LANGUAGE_NAMES[language]}</span>}
        {status.kind === 'busy' && <span>{status.what}</span>}
        {status.kind === 'saved' && !dirty && <span className={styles.ok}>Saved at {status.at}</span>}
      </div>
      {file?.readOnly && <p className={styles.info}>{file.readOnly}</p>}
      {(status.kind === 'error' || failed) && (
        <div className={styles.error} role="alert">
          <span>{status.kind === 'error' ? status.message : failed}</span>
          {status.kind === 'error' && status.missingDir && status.retry && (
            <button
              type="button"
              className={styles.button}
              onClick={() => status.missingDir && status.retry && void createDir(status.missingDir, status.retry)}>
              Create {status.missingDir}
            </button>
          )}
          {status.kind === 'error' && status.changed && (
            <>
              <button type="button" className={styles.button} onClick={() => void save(true)}>
                Overwrite
              </button>
              <button type="button" className={styles.button} onClick={() => void open(file?.path ?? path)}>
                Reload from the VM
              </button>
            </>
          )}
        </div>
      )}
      {offer !== null && (
        <div className={styles.offer}>
          <span>The lesson has a version of this file.</span>
          <button type="button" className={styles.button} onClick={() => applyOffer('replace')}>
            Replace the text with it
          </button>
          <button type="button" className={styles.button} onClick={() => applyOffer('insert')}>
            Insert it at the cursor
          </button>
          <button type="button" className={styles.button} onClick={() => setOffer(null)}>
            Dismiss
          </button>
        </div>
      )}
      {!loaded && !failed && <p className={styles.loading}>Loading the editor…</p>}
      <div ref={host} className={styles.editor} data-file-editor={file?.realPath ?? ''} />
    </div>
  );
}
