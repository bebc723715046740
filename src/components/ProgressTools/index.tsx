/** Export, import and clear the learner's progress (a JSON file they keep). */
import React, {useRef, useState, type ReactNode} from 'react';
import {progressStore, useProgress} from '../Progress/store';
import styles from './styles.module.css';

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], {type: 'application/json'}));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export default function ProgressTools(): ReactNode {
  const progress = useProgress();
  const file = useRef<HTMLInputElement>(null);
  const [note, setNote] = useState<{ok: boolean; text: string} | null>(null);
  const solved = Object.values(progress.exercises).filter((e) => e.solvedAt).length;

  const onExport = () => {
    const data = progressStore.exportFile();
    download(`netlab-progress-${data.exportedAt.slice(0, 10)}.json`, JSON.stringify(data, null, 2));
    setNote({ok: true, text: 'Progress exported. Keep the file to restore it on another browser.'});
  };

  const onImport = async (f: File | undefined) => {
    if (!f) return;
    try {
      const n = progressStore.importFile(await f.text());
      setNote({
        ok: true,
        text: `Imported progress for ${n} exercise${n === 1 ? '' : 's'} and merged it with this browser's.`,
      });
    } catch (err) {
      setNote({ok: false, text: err instanceof Error ? err.message : String(err)});
    } finally {
      if (file.current) file.current.value = '';
    }
  };

  const onClear = () => {
    if (window.confirm('Forget all progress stored in this browser? Export it first if you want to keep it.')) {
      progressStore.clear();
      setNote({ok: true, text: 'Progress cleared.'});
    }
  };

  return (
    <div className={styles.tools}>
      <p className={styles.lead}>
        Your progress is saved in this browser only ({solved} exercise{solved === 1 ? '' : 's'} solved). Export it to
        move it to another browser or keep a backup.
      </p>
      <div className={styles.buttons}>
        <button type="button" className="button button--primary" onClick={onExport}>
          Export progress
        </button>
        <button type="button" className="button button--secondary" onClick={() => file.current?.click()}>
          Import progress
        </button>
        <input
          ref={file}
          type="file"
          accept="application/json,.json"
          hidden
          aria-label="Progress file"
          onChange={(e) => void onImport(e.target.files?.[0])}
        />
        <button type="button" className="button button--link" onClick={onClear}>
          Clear progress
        </button>
      </div>
      {note && (
        <p className={note.ok ? styles.ok : styles.bad} role="status">
          {note.text}
        </p>
      )}
    </div>
  );
}
