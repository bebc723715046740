/**
 * One xterm.js view onto one VM terminal. Loaded with React.lazy so xterm
 * (and its CSS) stays out of the lesson's initial JavaScript.
 */
import React, {useEffect, useRef, type ReactNode} from 'react';
import {Terminal as XTerm} from '@xterm/xterm';
import {FitAddon} from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import {labStore} from './labStore';
import {registerTerminal} from './terminalRegistry';
import styles from './styles.module.css';

export interface TerminalViewProps {
  /** VM terminal index (0 = first login shell). */
  index: number;
  /** Only the visible tab is fitted and focused; hidden ones keep receiving output. */
  active: boolean;
  /** Changes when the VM restarts, so the old screen is cleared. */
  generation: number;
  /** Accessible name of the input. */
  label: string;
}

const THEME = {
  background: '#0b1020',
  foreground: '#e6edf3',
  cursor: '#7ee787',
  cursorAccent: '#0b1020',
  selectionBackground: '#264f78',
  black: '#1b2130',
  red: '#ff7b72',
  green: '#7ee787',
  yellow: '#e3b341',
  blue: '#79c0ff',
  magenta: '#d2a8ff',
  cyan: '#76e3ea',
  white: '#e6edf3',
  brightBlack: '#6e7681',
  brightRed: '#ffa198',
  brightGreen: '#aff5b4',
  brightYellow: '#f8e3a1',
  brightBlue: '#a5d6ff',
  brightMagenta: '#e2c5ff',
  brightCyan: '#b3f0ff',
  brightWhite: '#ffffff',
};

function copy(term: XTerm): void {
  const text = term.getSelection();
  if (text) void navigator.clipboard?.writeText(text).catch(() => undefined);
}

/**
 * Browser-style shortcuts on top of a terminal: Ctrl+C copies when text is
 * selected (else it interrupts, as a shell user expects), Ctrl+Shift+C/V always
 * copy/paste, and Ctrl+V is left to the browser so its native paste event
 * reaches xterm (which honours bracketed paste).
 */
function keyHandler(term: XTerm) {
  return (e: KeyboardEvent): boolean => {
    if (e.type !== 'keydown') return true;
    const mod = e.ctrlKey || e.metaKey;
    const key = e.key.toLowerCase();
    if (mod && key === 'c' && (e.shiftKey || e.metaKey || term.hasSelection())) {
      copy(term);
      term.clearSelection();
      e.preventDefault();
      return false;
    }
    if (mod && e.shiftKey && key === 'v') {
      void navigator.clipboard
        ?.readText()
        .then((t) => term.paste(t))
        .catch(() => undefined);
      e.preventDefault();
      return false;
    }
    if (mod && !e.shiftKey && key === 'v') return false;
    return true;
  };
}

export default function TerminalView({index, active, generation, label}: TerminalViewProps): ReactNode {
  const host = useRef<HTMLDivElement>(null);
  const termRef = useRef<XTerm | null>(null);
  const fitRef = useRef<FitAddon | null>(null);

  useEffect(() => {
    const el = host.current;
    if (!el) return undefined;
    const term = new XTerm({
      cursorBlink: true,
      fontFamily: '"JetBrains Mono", "Fira Code", ui-monospace, SFMono-Regular, Menlo, Consolas, monospace',
      fontSize: 14,
      lineHeight: 1.15,
      scrollback: 5000,
      theme: THEME,
      allowProposedApi: false,
    });
    const fit = new FitAddon();
    term.loadAddon(fit);
    term.open(el);
    term.textarea?.setAttribute('aria-label', label);
    term.attachCustomKeyEventHandler(keyHandler(term));
    const input = term.onData((d) => labStore.sendInput(index, d));
    const binary = term.onBinary((d) => labStore.sendInput(index, d));
    const output = labStore.onOutput(index, (data) => term.write(data));
    const unregister = registerTerminal(index, {
      copy: () => copy(term),
      paste: (text) => term.paste(text),
      focus: () => term.focus(),
      size: () => ({cols: term.cols, rows: term.rows}),
    });
    termRef.current = term;
    fitRef.current = fit;
    labStore.resizeTerminal(index, term.cols, term.rows);
    const resize = term.onResize(({cols, rows}) => labStore.resizeTerminal(index, cols, rows));
    const observer = new ResizeObserver(() => {
      // A hidden tab measures 0×0; fitting it then would shrink it to nothing.
      if (el.offsetWidth > 0 && el.offsetHeight > 0) fit.fit();
    });
    observer.observe(el);
    return () => {
      observer.disconnect();
      resize.dispose();
      unregister();
      output();
      input.dispose();
      binary.dispose();
      term.dispose();
      termRef.current = null;
      fitRef.current = null;
    };
  }, [index, label]);

  useEffect(() => {
    if (!active) return;
    const el = host.current;
    if (el && el.offsetWidth > 0) fitRef.current?.fit();
    termRef.current?.focus();
  }, [active]);

  const firstGeneration = useRef(generation);
  useEffect(() => {
    if (generation !== firstGeneration.current) termRef.current?.reset();
  }, [generation]);

  return <div ref={host} className={styles.xterm} hidden={!active} data-terminal={index} />;
}
