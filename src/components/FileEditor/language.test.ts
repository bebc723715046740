import {describe, expect, it} from 'vitest';
import {languageFor} from './language';

describe('languageFor', () => {
  it('goes by the file name first', () => {
    expect(languageFor('/etc/dnsmasq.conf')).toBe('ini');
    expect(languageFor('/etc/netns/client/resolv.conf')).toBe('ini');
    expect(languageFor('/etc/cni/net.d/10-bridge.conflist')).toBe('json');
    expect(languageFor('/root/pod.yaml')).toBe('yaml');
    expect(languageFor('/root/setup.sh')).toBe('shell');
    expect(languageFor('/etc/nftables.conf')).toBe('shell');
    expect(languageFor('/etc/systemd/network/10-eth0.network')).toBe('ini');
  });

  it('then by the content: a shebang, JSON, YAML, ini sections', () => {
    expect(languageFor('/usr/local/bin/up', '#!/bin/bash\nip link\n')).toBe('shell');
    expect(languageFor('/usr/local/bin/up', '#!/usr/sbin/nft -f\nflush ruleset\n')).toBe('shell');
    expect(languageFor('/root/cni', '{"cniVersion": "1.0.0"}')).toBe('json');
    expect(languageFor('/root/cni', '{"cniVersion": "1.0.0",}')).toBe('json');
    expect(languageFor('/root/manifest', 'apiVersion: v1\nkind: Pod\n')).toBe('yaml');
    expect(languageFor('/root/unit', '[Unit]\nDescription=x\n')).toBe('ini');
  });

  it('calls other /etc files configs and anything else plain text', () => {
    expect(languageFor('/etc/hostname', 'lab\n')).toBe('ini');
    expect(languageFor('/root/notes', 'hello\n')).toBe('plaintext');
  });
});
