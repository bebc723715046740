/**
 * Lets the lab toolbar (Copy, Paste) and lesson code blocks ("Run in lab")
 * reach a terminal without importing xterm into the page's main chunk.
 */
export interface TerminalHandle {
  copy(): void;
  paste(text: string): void;
  focus(): void;
  size(): {cols: number; rows: number};
}

const handles = new Map<number, TerminalHandle>();

export function registerTerminal(index: number, handle: TerminalHandle): () => void {
  handles.set(index, handle);
  return () => {
    if (handles.get(index) === handle) handles.delete(index);
  };
}

export function getTerminal(index: number): TerminalHandle | undefined {
  return handles.get(index);
}
