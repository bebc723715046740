import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {Query} from '../query';
import {netStateFromOutput} from '../state';

const frame = (name: string, rc: number, body: string) =>
  `@@section . ${name} ${rc} ${new TextEncoder().encode(body).length}\n${body}\n`;
// The root namespace needs its links, addresses and routes for a state to exist.
const ROOT = frame('ip.link', 0, '[]') + frame('ip.addr', 0, '[]') + frame('ip.route', 0, '[]');
const END = frame('end', 0, '');

/** What the collector's binary-file loop sends for these bytes (the same tools, on this machine). */
function collectorBase64(bytes: Uint8Array): string {
  const r = spawnSync('bash', ['-c', 'head -c 1048577 | base64 -w0'], {input: bytes, maxBuffer: 8 << 20});
  return r.stdout.toString('latin1');
}

function query(sections: string): Query {
  const s = netStateFromOutput(ROOT + sections + END);
  if (!s.ok) throw new Error(s.error);
  return new Query(s.value);
}

describe('binary files in the state', () => {
  it('gives back every byte, NULs included', () => {
    const bytes = Uint8Array.from({length: 600}, (_, i) => (i * 7) % 256);
    const q = query(frame('bin:/root/a.pcap', 0, collectorBase64(bytes)));
    expect(q.fileBytes('/root/a.pcap')).toEqual({bytes, truncated: false});
  });

  it('marks a file larger than 1 MiB as truncated and keeps its first MiB', () => {
    const bytes = new Uint8Array((1 << 20) + 5000).fill(0xab);
    const got = query(frame('bin:/root/big.pcap', 0, collectorBase64(bytes))).fileBytes('/root/big.pcap');
    expect(got?.truncated).toBe(true);
    expect(got?.bytes.length).toBe(1 << 20);
  });

  it('tells a missing file from an empty one, and reads text files as UTF-8', () => {
    const q = query(frame('bin:/root/none', 1, '') + frame('bin:/root/empty', 0, '') + frame('file:/etc/x', 0, 'hé'));
    expect(q.fileBytes('/root/none')).toBeUndefined();
    expect(q.fileBytes('/root/empty')).toEqual({bytes: new Uint8Array(0), truncated: false});
    expect(q.fileBytes('/etc/x')?.bytes).toEqual(new TextEncoder().encode('hé'));
  });
});
