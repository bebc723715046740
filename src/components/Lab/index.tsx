/**
 * <Lab />: the page's Linux VM with two terminal tabs. Nothing heavy loads
 * until "Start lab": the emulator, snapshot and xterm are all lazy chunks.
 */
import React, {lazy, Suspense, useCallback, useEffect, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import {labStore, useLabState} from './labStore';
import {getTerminal} from './terminalRegistry';
import StartPanel from './StartPanel';
import StatusBadge from './StatusBadge';
import OfflineBadge from './OfflineBadge';
import ResetDialog from './ResetDialog';
import SaveButton from './SaveButton';
import {useAutosave} from './autosave';
import {useLabKey} from './resumeOffer';
import Tabs, {FILES_TAB, TABS, TOPOLOGY_TAB} from './Tabs';
import {packetPanel, usePacketPanel} from '../PacketView/store';
import styles from './styles.module.css';

const TerminalView = lazy(() => import(/* webpackChunkName: "terminal" */ './Terminal'));
const PacketView = lazy(() => import(/* webpackChunkName: "packet-view" */ '../PacketView'));
const TopologyView = lazy(() => import(/* webpackChunkName: "topology" */ '../Topology'));
const FileEditor = lazy(() => import(/* webpackChunkName: "file-editor" */ '../FileEditor'));

export interface LabProps {
  /** Heading shown in the lab's title bar. */
  title?: string;
  /** Terminal height in CSS pixels when not full screen. */
  height?: number;
}

function useLabLifetime(): void {
  useEffect(() => labStore.retain(), []);
}

function useFullScreen(): [boolean, () => void] {
  const [full, setFull] = useState(false);
  useEffect(() => {
    if (!full) return undefined;
    const previous = document.body.style.overflow;
    document.body.style.overflow = 'hidden';
    return () => {
      document.body.style.overflow = previous;
    };
  }, [full]);
  return [full, useCallback(() => setFull((f) => !f), [])];
}

export default function Lab({title = 'Lab: Debian Linux VM', height = 420}: LabProps): ReactNode {
  useLabLifetime();
  useAutosave(useLabKey());
  const lab = useLabState();
  // Terminals and tool tabs alike: labStore keeps which one is in front ("Edit in lab" brings Files forward).
  const tab = lab.activeTerminal;
  const setTab = useCallback((index: number) => labStore.setActiveTerminal(index), []);
  const [full, toggleFull] = useFullScreen();
  const [confirmReset, setConfirmReset] = useState(false);
  const packets = usePacketPanel();
  const started = lab.status !== 'idle';
  const running = lab.status === 'ready';
  // A tool loads the first time its tab is shown, then stays mounted: the editor keeps its text, the
  // drawing what changed since the last one.
  const [opened, setOpened] = useState<ReadonlySet<number>>(new Set());
  if (tab >= TABS.length && started && !opened.has(tab)) setOpened(new Set(opened).add(tab));

  const start = useCallback(() => {
    labStore.start().catch(() => undefined);
  }, []);

  return (
    <section
      className={clsx(styles.lab, full && styles.full)}
      aria-label="Lab"
      data-status={lab.status}
      data-generation={lab.generation}
      style={{['--lab-height' as string]: `${height}px`}}>
      <header className={styles.toolbar}>
        <div className={styles.title}>
          <span className={styles.dots} aria-hidden="true">
            <i />
            <i />
            <i />
          </span>
          <span>{title}</span>
        </div>
        <StatusBadge state={lab} />
        <OfflineBadge status={lab.status} />
        <div className={styles.actions}>
          {running && tab < TABS.length && (
            <>
              <button
                type="button"
                className={styles.tool}
                onClick={() => getTerminal(tab)?.copy()}
                aria-label="Copy selection"
                title="Copy the selected text (or select and press Ctrl+C)">
                Copy
              </button>
              <button
                type="button"
                className={styles.tool}
                aria-label="Paste into terminal"
                title="Paste from the clipboard (or press Ctrl+V)"
                onClick={() => {
                  void navigator.clipboard
                    ?.readText()
                    .then((t) => getTerminal(tab)?.paste(t))
                    .catch(() => undefined);
                }}>
                Paste
              </button>
            </>
          )}
          <SaveButton running={running} />
          {started && (
            <button
              type="button"
              className={styles.tool}
              aria-pressed={packets.open}
              aria-controls="lab-packet-view"
              onClick={packetPanel.toggle}
              title="Open a capture file from the VM beside the terminal">
              Packets
            </button>
          )}
          <button
            type="button"
            className={styles.tool}
            aria-pressed={full}
            onClick={toggleFull}
            title={full ? 'Back to the lesson' : 'Use the whole window for the terminal'}>
            {full ? 'Exit full screen' : 'Full screen'}
          </button>
          {started && (
            <button type="button" className={clsx(styles.tool, styles.danger)} onClick={() => setConfirmReset(true)}>
              Reset lab
            </button>
          )}
        </div>
      </header>
      {started && <Tabs active={tab} onSelect={setTab} />}
      <div className={clsx(styles.workspace, packets.open && styles.split)}>
        <div className={styles.screen}>
          {/* Terminals mount as soon as the lab starts, under the progress
            panel, so xterm loads and sizes itself while the VM downloads. */}
          {started && (
            <Suspense fallback={<p className={styles.loadingTerm}>Opening terminal…</p>}>
              {TABS.map((t) => (
                <div
                  key={t.index}
                  id={`lab-panel-${t.index}`}
                  role="tabpanel"
                  aria-labelledby={`lab-tab-${t.index}`}
                  hidden={tab !== t.index}
                  inert={!running}
                  className={styles.panel}>
                  <TerminalView index={t.index} active={tab === t.index} generation={lab.generation} label={t.label} />
                </div>
              ))}
            </Suspense>
          )}
          {started && opened.has(TOPOLOGY_TAB) && (
            <div
              id={`lab-panel-${TOPOLOGY_TAB}`}
              role="tabpanel"
              aria-labelledby={`lab-tab-${TOPOLOGY_TAB}`}
              hidden={tab !== TOPOLOGY_TAB}
              inert={!running}
              className={styles.panel}>
              <Suspense fallback={<p className={styles.loadingTerm}>Opening the topology…</p>}>
                <TopologyView active={tab === TOPOLOGY_TAB} />
              </Suspense>
            </div>
          )}
          {started && opened.has(FILES_TAB) && (
            <div
              id={`lab-panel-${FILES_TAB}`}
              role="tabpanel"
              aria-labelledby={`lab-tab-${FILES_TAB}`}
              hidden={tab !== FILES_TAB}
              inert={!running}
              className={styles.panel}>
              <Suspense fallback={<p className={styles.loadingTerm}>Opening the editor…</p>}>
                <FileEditor />
              </Suspense>
            </div>
          )}
          {(lab.status === 'idle' || lab.status === 'loading' || lab.status === 'stopped') && (
            <div className={clsx(styles.startWrap, started && styles.overlay)}>
              <StartPanel state={lab} onStart={start} />
            </div>
          )}
          {lab.problem && lab.status !== 'loading' && (
            <div className={styles.problem} role="alert">
              <span>{lab.problem} A reset gives you a fresh machine.</span>
              {/* Nothing is left to lose, so no confirmation here. */}
              <button type="button" className={clsx(styles.tool, styles.danger)} onClick={() => void labStore.reset()}>
                Reset now
              </button>
            </div>
          )}
        </div>
        {packets.open && (
          <aside id="lab-packet-view" className={styles.side}>
            <Suspense fallback={<p className={styles.loadingTerm}>Opening the packet view…</p>}>
              <PacketView />
            </Suspense>
          </aside>
        )}
      </div>
      <ResetDialog
        open={confirmReset}
        onCancel={() => setConfirmReset(false)}
        onConfirm={() => {
          setConfirmReset(false);
          void labStore.reset();
        }}
      />
    </section>
  );
}
