/**
 * The lab machines saved in this browser (one per lesson, see
 * src/components/Lab/autosave.ts): what they are, the room they take, and a
 * button to clear them. Listing reads only their small descriptions.
 */
import React, {useCallback, useEffect, useState, useSyncExternalStore, type ReactNode} from 'react';
import Link from '@docusaurus/Link';
import {megabytes} from '../Lab/format';
import {countSavesUnderWay, dropAllSaved, listSaved, onSavesUnderWay, type SavedMeta} from '../Lab/savedMachines';
import styles from './styles.module.css';

interface Usage {
  machines: SavedMeta[];
  /** What the whole site stores (caches included), from navigator.storage.estimate. */
  used: number | null;
  quota: number | null;
}

async function measure(): Promise<Usage> {
  const [machines, estimate] = await Promise.all([
    listSaved().catch(() => []),
    navigator.storage?.estimate?.().catch(() => null) ?? Promise.resolve(null),
  ]);
  return {machines, used: estimate?.usage ?? null, quota: estimate?.quota ?? null};
}

export default function SavedMachines(): ReactNode {
  const [usage, setUsage] = useState<Usage | null>(null);
  const [note, setNote] = useState<{ok: boolean; text: string} | null>(null);
  const refresh = useCallback(() => {
    measure().then(setUsage, () => setUsage({machines: [], used: null, quota: null}));
  }, []);
  // A lab left on the way here may still be saving: list again once it is written.
  const saving = useSyncExternalStore(onSavesUnderWay, countSavesUnderWay, () => 0);
  useEffect(() => {
    if (saving === 0) refresh();
  }, [refresh, saving]);

  const onClear = async () => {
    if (!window.confirm('Delete every saved lab machine? Your progress is kept; the labs start fresh.')) return;
    try {
      await dropAllSaved();
      setNote({ok: true, text: 'Saved machines cleared.'});
    } catch (err) {
      setNote({ok: false, text: `Could not clear them: ${err instanceof Error ? err.message : String(err)}`});
    }
    refresh();
  };

  const machines = usage?.machines ?? [];
  const total = machines.reduce((sum, m) => sum + m.bytes, 0);
  return (
    <section className={styles.tools} aria-labelledby="saved-machines">
      <h2 id="saved-machines" className={styles.heading}>
        Saved lab machines
      </h2>
      {usage === null ? (
        <p className={styles.lead}>Reading…</p>
      ) : (
        <>
          <p className={styles.lead} data-saved-bytes={total}>
            {machines.length === 0
              ? 'No lab machine is saved in this browser.'
              : `${machines.length} machine${machines.length === 1 ? '' : 's'} saved, using ${megabytes(total)}.`}
            {usage.used !== null &&
              ` The whole course uses ${megabytes(usage.used)} of this browser's storage` +
                (usage.quota ? ` (of ${megabytes(usage.quota)} it may use).` : '.')}
          </p>
          {saving > 0 && (
            <p className={styles.lead} data-saving role="status">
              Saving the lab machine you just left…
            </p>
          )}
          {machines.length > 0 && (
            <ul className={styles.machines}>
              {machines.map((m) => (
                <li key={m.key} data-saved-at={m.savedAt}>
                  <Link to={m.key}>{m.title || m.key}</Link>: {megabytes(m.bytes)}, saved{' '}
                  {new Date(m.savedAt).toLocaleString()}
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div className={styles.buttons}>
        <button
          type="button"
          className="button button--secondary"
          disabled={machines.length === 0 || saving > 0}
          onClick={() => void onClear()}>
          Clear saved machines
        </button>
      </div>
      {note && (
        <p className={note.ok ? styles.ok : styles.bad} role="status">
          {note.text}
        </p>
      )}
    </section>
  );
}
