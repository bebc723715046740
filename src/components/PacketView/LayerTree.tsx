/**
 * A frame as nested layers (Ethernet → IP → TCP …), each a disclosure with its
 * fields; a field's bytes light up in the hex dump while it has the pointer or
 * focus, and stay lit once clicked.
 */
import React, {type ReactNode} from 'react';
import clsx from 'clsx';
import type {Field, Frame} from '@site/src/packets/types';
import type {ByteRange} from './HexDump';
import styles from './styles.module.css';

interface Props {
  frame: Frame;
  expanded: ReadonlySet<number>;
  onToggle: (layer: number) => void;
  selected: ByteRange | null;
  onHover: (range: ByteRange | null) => void;
  onSelect: (range: ByteRange) => void;
}

// By identity: a flag bit shares its byte range with the flags field it belongs to.
const same = (a: ByteRange | null, f: Field) => a === f;

function FieldRows({
  fields,
  depth,
  ...p
}: Pick<Props, 'selected' | 'onHover' | 'onSelect'> & {fields: Field[]; depth: number}) {
  return (
    <ul className={styles.fields} role="group">
      {fields.map((f, i) => (
        <li key={`${f.name}-${i}`} role="treeitem" aria-selected={same(p.selected, f)}>
          <button
            type="button"
            className={clsx(styles.field, same(p.selected, f) && styles.fieldSelected)}
            style={{paddingLeft: `${0.5 + depth}rem`}}
            onMouseEnter={() => p.onHover(f)}
            onMouseLeave={() => p.onHover(null)}
            onFocus={() => p.onHover(f)}
            onBlur={() => p.onHover(null)}
            onClick={() => p.onSelect(f)}
            title={`bytes ${f.start}–${f.end - 1}`}>
            {f.bits !== undefined ? (
              <span className={styles.bits}>{f.bits}</span>
            ) : (
              <>
                <span className={styles.fieldName}>{f.name}:</span> <span className={styles.fieldValue}>{f.value}</span>
              </>
            )}
          </button>
          {f.children && f.children.length > 0 && <FieldRows fields={f.children} depth={depth + 1} {...p} />}
        </li>
      ))}
    </ul>
  );
}

export default function LayerTree({frame, expanded, onToggle, ...p}: Props): ReactNode {
  return (
    <div className={styles.tree} role="tree" aria-label={`Layers of frame ${frame.number}`} data-testid="packet-layers">
      {frame.layers.map((layer, i) => {
        const open = expanded.has(i);
        return (
          <div
            key={i}
            role="treeitem"
            aria-expanded={open}
            aria-selected={false}
            className={styles[`layerBox${i % 4}`]}>
            <button
              type="button"
              className={styles.layerHead}
              aria-expanded={open}
              data-layer={layer.info.kind}
              onClick={() => onToggle(i)}
              onMouseEnter={() => p.onHover(layer)}
              onMouseLeave={() => p.onHover(null)}>
              <span className={styles.twisty} aria-hidden="true">
                {open ? '▾' : '▸'}
              </span>
              <strong>{layer.name}</strong>
              <span className={styles.layerSummary}>{layer.summary}</span>
            </button>
            {layer.problems?.map((m) => (
              <p key={m} className={styles.layerProblem}>
                {m}
              </p>
            ))}
            {open && <FieldRows fields={layer.fields} depth={1} {...p} />}
          </div>
        );
      })}
    </div>
  );
}
