/**
 * The Lab's Topology tab: the network the learner built, drawn from the
 * graders' collected state. It redraws after every Check (the Check publishes
 * its state to ./store) and on Refresh, and highlights what changed since the
 * previous drawing. Loaded lazily with elkjs, when the tab is first opened.
 */
import React, {useCallback, useEffect, useRef, useState, type ReactNode} from 'react';
import clsx from 'clsx';
import {labStore, useLabState} from '../Lab/labStore';
import {collectState} from './collect';
import {drawTopology, type Drawing} from './draw';
import {loadElk} from './elk';
import type {TopoGraph, TopoNamespace} from './graph';
import {topologyStore, useCollectedState, type CollectedState} from './store';
import styles from './styles.module.css';

interface Shown extends Drawing {
  from: CollectedState;
  /** Milliseconds from the state to the drawing on screen (layout included). */
  ms: number;
}

type Busy = 'collecting' | 'drawing' | null;

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

const flat = (ns: TopoNamespace[]): TopoNamespace[] => ns.flatMap((n) => [n, ...flat(n.children)]);

function describeSource(c: CollectedState): string {
  const at = new Date(c.at).toLocaleTimeString();
  return c.source.kind === 'check' ? `From your Check at ${at}` : `Read from the machine at ${at}`;
}

function changeSummary(d: Shown, hadPrevious: boolean): string {
  if (!hadPrevious) return 'First drawing of this machine.';
  const n = d.change.changed.size + d.change.removed.length;
  if (n === 0) return 'Nothing changed since the last drawing.';
  return `${n} change${n === 1 ? '' : 's'} since the last drawing, outlined in orange.`;
}

export interface TopologyProps {
  /** Whether the tab is showing: drawing waits until it is. */
  active: boolean;
}

export default function Topology({active}: TopologyProps): ReactNode {
  const lab = useLabState();
  const collected = useCollectedState();
  const [shown, setShown] = useState<Shown | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);
  const [fit, setFit] = useState(true);
  const previous = useRef<{graph: TopoGraph; generation: number} | null>(null);
  const hadPrevious = useRef(false);
  const drawnSerial = useRef(0);
  const autoCollected = useRef(-1);
  const ready = lab.status === 'ready';
  const current = collected && collected.generation === lab.generation ? collected : null;

  const refresh = useCallback(async () => {
    const vm = labStore.getVm();
    if (!vm || labStore.getState().status !== 'ready') {
      setError('The lab is not running: press "Start lab" and wait for the prompt, then refresh.');
      return;
    }
    setBusy('collecting');
    setError(null);
    try {
      // Publishing wakes the drawing effect below, which says "Drawing…" next.
      topologyStore.publish(await collectState(vm), {kind: 'refresh'});
    } catch (err) {
      setError(`${message(err)} Try Refresh again; if the machine stopped, reset the lab.`);
    } finally {
      setBusy(null);
    }
  }, []);

  // Opened with nothing to show for this machine: read it once, as Refresh would.
  useEffect(() => {
    if (!active || !ready || current || autoCollected.current === lab.generation) return;
    autoCollected.current = lab.generation;
    void refresh();
  }, [active, ready, current, lab.generation, refresh]);

  // Draw a newer state when the tab is showing (after a Check, a Refresh, or on opening).
  useEffect(() => {
    if (!active || !current || drawnSerial.current === current.serial) return undefined;
    let live = true;
    const began = performance.now();
    const before = previous.current?.generation === current.generation ? previous.current.graph : null;
    setBusy('drawing');
    loadElk()
      .then((elk) => drawTopology(current.state, elk, {previous: before}))
      .then(
        (d) => {
          if (!live) return;
          drawnSerial.current = current.serial;
          previous.current = {graph: d.graph, generation: current.generation};
          hadPrevious.current = before !== null;
          setShown({...d, from: current, ms: performance.now() - began});
          setError(null);
        },
        (err: unknown) => live && setError(`The drawing failed: ${message(err)}`),
      )
      .finally(() => live && setBusy(null));
    return () => {
      live = false;
    };
  }, [active, current]);

  const stale = shown !== null && shown.from.generation !== lab.generation;
  const state = busy ?? (error ? 'error' : shown && !stale ? 'drawn' : 'empty');
  return (
    <div
      className={styles.topology}
      data-state={state}
      data-serial={shown?.from.serial ?? 0}
      data-draw-ms={shown ? Math.round(shown.ms) : undefined}>
      <div className={styles.bar}>
        <button
          type="button"
          className={styles.button}
          onClick={() => void refresh()}
          disabled={!ready || busy !== null}
          aria-busy={busy !== null}
          title="Read the machine's network now and redraw it">
          {busy === 'collecting' ? 'Reading…' : 'Refresh'}
        </button>
        <button
          type="button"
          className={styles.button}
          aria-pressed={fit}
          onClick={() => setFit((f) => !f)}
          title={fit ? 'Show the drawing at full size (scroll to move around)' : 'Shrink the drawing to fit'}>
          Fit to width
        </button>
        <span className={styles.status} role="status" aria-live="polite">
          {busy === 'collecting'
            ? "Reading the machine's network…"
            : busy === 'drawing'
              ? 'Drawing…'
              : shown && !stale
                ? `${describeSource(shown.from)}. ${changeSummary(shown, hadPrevious.current)}`
                : ready
                  ? 'Press Refresh or Check to draw the network.'
                  : 'Start the lab to draw its network.'}
        </span>
      </div>
      {error && (
        <p className={styles.error} role="alert">
          {error}
        </p>
      )}
      {shown && !stale && (
        <>
          <div
            className={clsx(styles.canvas, fit && styles.fit)}
            role="region"
            aria-label="Network drawing (hover a box for its routes and details)"
            // Focusable so the keyboard can scroll a drawing larger than the panel.
            tabIndex={0}
            // The SVG is our own renderer's output, with every name from the VM escaped (svg.ts).
            dangerouslySetInnerHTML={{__html: shown.svg}}
          />
          <details className={styles.routes}>
            <summary>Routes of each namespace</summary>
            {flat(shown.graph.namespaces).map((n) => (
              <div key={n.id}>
                <h5>{n.label}</h5>
                <pre>{n.routes.length ? n.routes.join('\n') : 'no routes'}</pre>
              </div>
            ))}
          </details>
        </>
      )}
    </div>
  );
}
