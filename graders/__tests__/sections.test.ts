import {describe, expect, it} from 'vitest';
import {parseSections} from '../sections';

const frame = (ns: string, name: string, rc: number, body: string) =>
  `@@section ${ns} ${name} ${rc} ${new TextEncoder().encode(body).length}\n${body}\n`;
const END = frame('.', 'end', 0, '');

describe('parseSections', () => {
  it('reads frames by byte length, so a body may contain a header line', () => {
    const tricky = 'line\n@@section . fake 0 3\nabc';
    const r = parseSections(frame('.', 'ip.link', 0, tricky) + END);
    expect(r.ok && r.value[0]).toEqual({ns: '.', name: 'ip.link', rc: 0, body: tricky});
  });

  it('counts bytes, not characters, for UTF-8 bodies', () => {
    const r = parseSections(frame('red', 'file:/etc/motd', 0, 'héllo ✓') + END);
    expect(r.ok && r.value[0].body).toBe('héllo ✓');
  });

  it('keeps names with spaces (file paths) and the exit code', () => {
    const r = parseSections(frame('.', 'file:/tmp/a b', 1, '') + END);
    expect(r.ok && r.value[0]).toMatchObject({name: 'file:/tmp/a b', rc: 1});
  });

  it.each([
    ['empty output', ''],
    ['no end marker', frame('.', 'ip.link', 0, '[]')],
    ['truncated body', '@@section . ip.link 0 100\n[]\n'],
    ['garbage before the first header', `hello\n${END}`],
    ['non-numeric length', '@@section . ip.link 0 xx\n\n'],
    ['header cut off', '@@section . ip.l'],
    ['missing field', '@@section . 0 2\n[]\n'],
  ])('rejects %s with a message instead of throwing', (_what, raw) => {
    const r = parseSections(raw);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.length).toBeGreaterThan(10);
  });
});
