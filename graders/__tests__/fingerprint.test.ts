/**
 * The state digest the reset test compares must ignore what differs between
 * two runs of one setup, and must still see every kind of leftover a reset
 * could miss.
 */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {exercises} from '../../exercises/index';
import {fingerprint, fingerprintDiff} from '../fingerprint';
import type {NetState} from '../model';
import {snapshotPath} from '../node';
import {SnapshotSchema} from '../snapshot';
import {buildNetState} from '../state';

function recorded(exId: string, caseName: string): NetState {
  const ex = exercises[exId];
  if (!ex) throw new Error(`no exercise ${exId}`);
  const snap = SnapshotSchema.parse(JSON.parse(readFileSync(snapshotPath(ex, caseName), 'utf8')));
  const r = buildNetState(snap.sections, ex.probes);
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

const clone = (s: NetState): NetState => structuredClone(s);
const root = (s: NetState) => {
  const ns = s.namespaces.find((n) => n.name === null);
  if (!ns) throw new Error('no root namespace');
  return ns;
};

describe('state fingerprint', () => {
  const solved = recorded('nat/masquerade', 'solution');

  it('ignores ifindexes, nsids, MACs, counters and probe timings', () => {
    const other = clone(solved);
    for (const ns of other.namespaces) {
      for (const l of ns.links) {
        l.ifindex += 40;
        l.mac = '02:00:00:00:00:99';
        if (l.linkNetnsid !== undefined) l.linkNetnsid += 3;
        if (l.linkIndex !== undefined) l.linkIndex += 40;
      }
      ns.nsids = ns.nsids.map((n) => ({...n, nsid: n.nsid + 3}));
      for (const t of Object.values(ns.iptables?.nft.tables ?? {}))
        for (const r of t.rules) r.counters = {packets: 9, bytes: 999};
    }
    for (const p of Object.values(other.probes)) p.output = 'rtt 12.3 ms';
    expect(fingerprintDiff(fingerprint(solved), fingerprint(other))).toEqual([]);
  });

  it('sees an extra link, a changed sysctl, a firewall rule and an extra namespace', () => {
    const link = clone(solved);
    root(link).links.push({
      ...root(link).links[0],
      name: 'dummy7',
      kind: 'dummy',
    } as NetState['namespaces'][0]['links'][0]);
    expect(fingerprintDiff(fingerprint(solved), fingerprint(link))).toEqual([
      expect.stringMatching(/^namespaces\.\.\.links/),
    ]);

    const sysctl = clone(solved);
    root(sysctl).sysctls['net.ipv4.ip_forward'] = '0';
    expect(fingerprintDiff(fingerprint(solved), fingerprint(sysctl))[0]).toMatch(/sysctls/);

    const start = recorded('nat/masquerade', 'start');
    const diff = fingerprintDiff(fingerprint(start), fingerprint(solved));
    expect(diff.some((d) => d.includes('iptables'))).toBe(true);

    const ns = clone(solved);
    ns.namespaces.push({...root(ns), name: 'ghost'});
    expect(fingerprintDiff(fingerprint(solved), fingerprint(ns))).toContainEqual(
      expect.stringMatching(/^namespaces\.ghost/),
    );
  });
});
