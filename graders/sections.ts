/**
 * Reads the framed output of collector.sh. Frames are
 * "@@section <ns> <name> <rc> <bytes>\n<body>\n" with byte lengths, so the
 * body is taken by count rather than by searching for the next header.
 */
import {z} from 'zod';

/** "." in the frame header stands for the root namespace. */
export const ROOT_FRAME_NS = '.';

export const SectionSchema = z.object({
  ns: z.string().min(1),
  name: z.string().min(1),
  rc: z.number().int(),
  body: z.string(),
});
export type Section = z.infer<typeof SectionSchema>;

export type ParseOutcome<T> = {ok: true; value: T} | {ok: false; error: string};

const HEADER = '@@section ';
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', {fatal: false});

/** Splits collector output into sections; a truncated or garbled stream is an error, not a crash. */
export function parseSections(raw: string | Uint8Array): ParseOutcome<Section[]> {
  const bytes = typeof raw === 'string' ? encoder.encode(raw) : raw;
  const sections: Section[] = [];
  let pos = 0;
  let sawEnd = false;
  while (pos < bytes.length) {
    const nl = bytes.indexOf(0x0a, pos);
    if (nl < 0) return {ok: false, error: `collector output ends inside a header at byte ${pos}`};
    const header = decoder.decode(bytes.subarray(pos, nl));
    if (!header.startsWith(HEADER)) {
      return {ok: false, error: `expected "@@section" at byte ${pos}, found ${JSON.stringify(header.slice(0, 60))}`};
    }
    // Names may contain spaces (file paths), so rc and length are taken from the right.
    const words = header.slice(HEADER.length).split(' ');
    if (words.length < 4) return {ok: false, error: `malformed section header ${JSON.stringify(header)}`};
    const len = Number(words.pop());
    const rc = Number(words.pop());
    const ns = words.shift() ?? '';
    const name = words.join(' ');
    if (!Number.isInteger(len) || len < 0 || !Number.isInteger(rc) || ns === '' || name === '') {
      return {ok: false, error: `malformed section header ${JSON.stringify(header)}`};
    }
    const start = nl + 1;
    const end = start + len;
    if (end + 1 > bytes.length || bytes[end] !== 0x0a) {
      return {ok: false, error: `section "${name}" of namespace "${ns}" is truncated (declared ${len} bytes)`};
    }
    sections.push({ns, name, rc, body: decoder.decode(bytes.subarray(start, end))});
    pos = end + 1;
    if (name === 'end' && ns === ROOT_FRAME_NS) {
      sawEnd = true;
      break;
    }
  }
  if (!sawEnd) return {ok: false, error: 'collector output has no end marker; the collection was cut short'};
  return {ok: true, value: sections};
}
