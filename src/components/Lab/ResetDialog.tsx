import React, {useEffect, useRef, type ReactNode} from 'react';
import styles from './styles.module.css';

interface Props {
  open: boolean;
  onCancel: () => void;
  onConfirm: () => void;
}

/** Native <dialog>: the browser traps focus and handles Escape for us. */
export default function ResetDialog({open, onCancel, onConfirm}: Props): ReactNode {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className={styles.dialog} onCancel={onCancel} aria-labelledby="lab-reset-title">
      <h3 id="lab-reset-title">Reset the lab?</h3>
      <p>
        The machine goes back to its starting state. Everything you created in it (interfaces, namespaces, files) is
        lost. Your course progress is kept.
      </p>
      <div className={styles.dialogActions}>
        <button type="button" className="button button--secondary" onClick={onCancel} autoFocus>
          Cancel
        </button>
        <button type="button" className="button button--danger" onClick={onConfirm}>
          Reset
        </button>
      </div>
    </dialog>
  );
}
