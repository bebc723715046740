/**
 * The toolbar's Save button and what the last save did. The machine is also
 * saved on its own (autosave.ts); the button is for a learner who wants to
 * be sure before closing the tab.
 */
import React, {type ReactNode} from 'react';
import {autosave, useSaveStatus} from './autosave';
import styles from './styles.module.css';
import resume from './resume.module.css';

function label(kind: string, at: number | null): string {
  if (kind === 'saving') return 'Saving…';
  if (kind === 'saved' && at !== null)
    return `Saved ${new Date(at).toLocaleTimeString([], {hour: '2-digit', minute: '2-digit'})}`;
  return '';
}

export default function SaveButton({running}: {running: boolean}): ReactNode {
  const status = useSaveStatus();
  if (!running && status.kind !== 'saving') return null;
  const text = status.kind === 'failed' ? 'Not saved' : label(status.kind, status.kind === 'saved' ? status.at : null);
  return (
    <>
      {text && (
        <span
          className={resume.saveStatus}
          data-save={status.kind}
          data-saved-at={status.kind === 'saved' ? status.at : undefined}
          role="status"
          title={
            status.kind === 'failed' ? `Not saved: ${status.why}` : 'Coming back to this lesson offers to resume it'
          }>
          {text}
        </span>
      )}
      <button
        type="button"
        className={styles.tool}
        disabled={!running || status.kind === 'saving'}
        onClick={() => void autosave.saveNow()}
        title="Save this machine in the browser, to resume it when you come back to this lesson">
        Save
      </button>
    </>
  );
}
