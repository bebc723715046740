import {spawnSync} from 'node:child_process';
import {describe, expect, it} from 'vitest';
import {collectorCommand, stripComments} from '../collect';
import {collectorScript} from '../node';

describe('collectorCommand', () => {
  const spec = {
    probes: [{id: 'p', kind: 'ping' as const, from: 'red', to: '10.0.0.2'}],
    files: ["/etc/it's"],
    binaryFiles: ['/root/a.pcap'],
    deepNamespaces: ['red'],
  };

  it('is still valid bash once the comments are gone', () => {
    const r = spawnSync('bash', ['-n'], {input: collectorCommand(collectorScript(), spec), encoding: 'utf8'});
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  });

  it('sends no comment or blank line, and every other line unchanged and in order', () => {
    const script = collectorScript();
    const sent = stripComments(script).split('\n');
    expect(sent.filter((l) => /^\s*#/.test(l) || l.trim() === '')).toEqual([]);
    const code = script.split('\n').filter((l) => !/^\s*#/.test(l) && l.trim() !== '');
    expect(sent).toEqual(code);
    // A "#" that is not at the start of a line is code (or a comment bash skips itself).
    expect(stripComments('a=1 # note\n  # gone\necho "#x"')).toBe('a=1 # note\necho "#x"');
  });

  it('quotes parameters for the shell', () => {
    const cmd = collectorCommand('', spec);
    expect(cmd).toContain("NETLAB_PROBES='p ping red 10.0.0.2'");
    expect(cmd).toContain(`NETLAB_FILES='/etc/it'\\''s'`);
    expect(cmd).toContain("NETLAB_DEEP='red'");
    expect(cmd).toContain("NETLAB_BINFILES='/root/a.pcap'");
  });
});
