/**
 * The frame's bytes, 16 a row, hex and ASCII. Bytes of the field under the
 * pointer (or selected) light up; clicking a byte selects the innermost field
 * that holds it, so bytes and fields can be explored from either side.
 */
import React, {memo, type ReactNode} from 'react';
import clsx from 'clsx';
import styles from './styles.module.css';

export interface ByteRange {
  start: number;
  end: number;
}

interface Props {
  bytes: Uint8Array;
  highlight: ByteRange | null;
  /** Byte ranges of each layer, to tint bytes by the layer they belong to. */
  layers: ByteRange[];
  onPick: (offset: number) => void;
}

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const printable = (b: number) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.');
const inRange = (r: ByteRange | null, i: number) => r !== null && i >= r.start && i < r.end;

function HexDump({bytes, highlight, layers, onPick}: Props): ReactNode {
  const rows: ReactNode[] = [];
  for (let row = 0; row < bytes.length; row += 16) {
    const cells: ReactNode[] = [];
    const text: ReactNode[] = [];
    for (let i = row; i < Math.min(row + 16, bytes.length); i++) {
      // Inner layers come later and lie inside outer ones: the last match is the innermost.
      let layer = -1;
      for (let k = layers.length - 1; k >= 0 && layer < 0; k--) if (inRange(layers[k], i)) layer = k;
      const cls = clsx(styles.byte, layer >= 0 && styles[`layer${layer % 4}`], inRange(highlight, i) && styles.lit);
      cells.push(
        <span key={i} className={cls} data-offset={i} onClick={() => onPick(i)}>
          {hex(bytes[i], 2)}
        </span>,
      );
      text.push(
        <span key={i} className={cls} onClick={() => onPick(i)}>
          {printable(bytes[i])}
        </span>,
      );
    }
    rows.push(
      <div key={row} className={styles.hexRow}>
        <span className={styles.offset}>{hex(row, 4)}</span>
        <span className={styles.hexCells}>{cells}</span>
        <span className={styles.ascii}>{text}</span>
      </div>,
    );
  }
  // The bytes are a visual aid: the same information is in the field tree,
  // which is what keyboard and screen reader users navigate.
  return (
    <div className={styles.hex} aria-hidden="true" data-testid="packet-bytes">
      {rows}
    </div>
  );
}

export default memo(HexDump);
