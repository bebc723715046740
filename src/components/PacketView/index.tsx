/**
 * The packet panel beside the lab's terminal: open a capture the learner
 * saved in the VM (tcpdump -w) and read each frame as nested layers, with the
 * bytes of a field lit up next to it. Loaded only when the panel opens.
 */
import React, {useCallback, useEffect, useMemo, useState, type ReactNode} from 'react';
import {labStore} from '@site/src/components/Lab/labStore';
import type {Capture, Field, Frame} from '@site/src/packets/types';
import FrameList from './FrameList';
import HexDump, {type ByteRange} from './HexDump';
import LayerTree from './LayerTree';
import {listCaptures, loadCapture} from './load';
import {packetPanel, usePacketPanel} from './store';
import styles from './styles.module.css';

type View =
  | {kind: 'empty'}
  | {kind: 'loading'; path: string}
  | {kind: 'error'; message: string}
  | {kind: 'loaded'; path: string; capture: Capture; truncated: boolean; bytes: number};

/** The innermost field (of the expanded layers first) that holds byte `offset`. */
function fieldAt(frame: Frame, offset: number): {layer: number; field: ByteRange} | null {
  let best: {layer: number; field: ByteRange} | null = null;
  const visit = (layer: number, fields: Field[]) => {
    for (const f of fields) {
      if (offset < f.start || offset >= f.end) continue;
      if (!best || f.end - f.start <= best.field.end - best.field.start) best = {layer, field: f};
      if (f.children) visit(layer, f.children);
    }
  };
  frame.layers.forEach((l, i) => visit(i, l.fields));
  return best;
}

export default function PacketView(): ReactNode {
  const panel = usePacketPanel();
  const [view, setView] = useState<View>({kind: 'empty'});
  const [frameIndex, setFrameIndex] = useState(0);
  const [expanded, setExpanded] = useState<ReadonlySet<number>>(new Set());
  const [hover, setHover] = useState<ByteRange | null>(null);
  const [selected, setSelected] = useState<ByteRange | null>(null);
  const [known, setKnown] = useState<string[]>([]);

  const open = useCallback(async (path: string) => {
    const vm = labStore.getVm();
    if (!vm || labStore.getState().status !== 'ready') {
      setView({kind: 'error', message: 'Start the lab first: the capture is read from its VM.'});
      return;
    }
    setView({kind: 'loading', path});
    const r = await loadCapture(vm, path);
    setView(
      r.ok
        ? {kind: 'loaded', path, capture: r.capture, truncated: r.truncated, bytes: r.bytes}
        : {kind: 'error', message: r.error},
    );
    setFrameIndex(0);
    setExpanded(new Set());
    setSelected(null);
    void listCaptures(vm).then(setKnown);
  }, []);

  // A lesson's "Open in packet view" button asks for a path through the store.
  useEffect(() => {
    if (panel.request > 0) void open(panel.path);
  }, [panel.request, panel.path, open]);

  useEffect(() => {
    const vm = labStore.getVm();
    if (vm) void listCaptures(vm).then(setKnown);
  }, []);

  const frame = view.kind === 'loaded' ? view.capture.frames[frameIndex] : undefined;
  const layerRanges = useMemo(() => frame?.layers.map((l) => ({start: l.start, end: l.end})) ?? [], [frame]);
  const pick = useCallback(
    (offset: number) => {
      if (!frame) return;
      const hit = fieldAt(frame, offset);
      if (!hit) return;
      setExpanded((e) => new Set(e).add(hit.layer));
      setSelected(hit.field);
    },
    [frame],
  );
  const selectFrame = (i: number) => {
    setFrameIndex(i);
    setSelected(null);
  };

  return (
    <section className={styles.view} aria-label="Packet view" data-state={view.kind}>
      <form
        className={styles.openBar}
        onSubmit={(e) => {
          e.preventDefault();
          void open(panel.path);
        }}>
        <label className={styles.pathLabel}>
          <span>Capture file in the VM</span>
          <input
            className={styles.path}
            value={panel.path}
            onChange={(e) => packetPanel.setPath(e.target.value)}
            list="pv-known-captures"
            spellCheck={false}
            autoComplete="off"
          />
          <datalist id="pv-known-captures">
            {known.map((k) => (
              <option key={k} value={k} />
            ))}
          </datalist>
        </label>
        <button type="submit" className={styles.openButton} disabled={view.kind === 'loading'}>
          {view.kind === 'loading' ? 'Opening…' : 'Open'}
        </button>
        <button
          type="button"
          className={styles.closeButton}
          onClick={packetPanel.close}
          aria-label="Close the packet view">
          ×
        </button>
      </form>
      <div role="status" aria-live="polite" className={styles.status}>
        {view.kind === 'empty' && (
          <p>Save a capture in the VM (tcpdump -w /root/capture.pcap), stop tcpdump, then open it here.</p>
        )}
        {view.kind === 'error' && <p className={styles.error}>{view.message}</p>}
        {view.kind === 'loaded' && (
          <p>
            {view.path}: {view.capture.frames.length} frame{view.capture.frames.length === 1 ? '' : 's'}, {view.bytes}{' '}
            bytes
            {view.truncated && ' (only its first MiB: the file is larger)'}
            {view.capture.problems.map((m) => ` · ${m}`).join('')}
          </p>
        )}
      </div>
      {view.kind === 'loaded' && view.capture.frames.length > 0 && frame && (
        <div className={styles.body}>
          <FrameList frames={view.capture.frames} selected={frameIndex} onSelect={selectFrame} />
          <LayerTree
            frame={frame}
            expanded={expanded}
            onToggle={(i) =>
              setExpanded((e) => {
                const next = new Set(e);
                if (!next.delete(i)) next.add(i);
                return next;
              })
            }
            selected={selected}
            onHover={setHover}
            onSelect={setSelected}
          />
          <HexDump bytes={frame.bytes} highlight={hover ?? selected} layers={layerRanges} onPick={pick} />
        </div>
      )}
    </section>
  );
}
