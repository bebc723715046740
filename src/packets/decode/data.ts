/** Bytes no decoder here reads (an application payload, an unknown protocol): their length, and their text when they are text. */
import {ascii, field} from './bytes';
import type {Context, Decoded} from './layer';

const PREVIEW = 64;

/** The first line when the bytes read as text (HTTP, SMTP, a shell's output), else undefined. */
export function textLine(b: Uint8Array, start: number, end: number): string | undefined {
  const stop = Math.min(end, start + PREVIEW);
  for (let i = start; i < stop; i++) {
    const c = b[i];
    if (c === 0x0d || c === 0x0a) return i > start ? ascii(b, start, i) : undefined;
    if (c < 0x20 || c >= 0x7f) return undefined;
  }
  return stop > start ? ascii(b, start, stop) + (stop < end ? '…' : '') : undefined;
}

export function decodeData(ctx: Context, start: number, end: number): Decoded {
  const length = end - start;
  const line = textLine(ctx.bytes, start, end);
  const value = `${length} bytes${line ? `: "${line}"` : ''}`;
  return {
    layer: {
      name: 'Data',
      summary: `${length} bytes of data${line ? `: "${line}"` : ''}`,
      start,
      end,
      fields: [field('Data', value, start, end)],
      info: {kind: 'data', length},
    },
  };
}
