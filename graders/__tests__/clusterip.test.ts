/**
 * graders/services.ts against the states recorded for kubernetes/clusterip-iptables:
 * the endpoints and shares each layout gives pod-c's packet in node1 (plain
 * PREROUTING rules, kube-proxy's chains, nft numgen, IPVS), and the near-misses'
 * shapes (OUTPUT only, one endpoint, probability 1.0 first, the wrong node); and the IPVS
 * services of kubernetes/clusterip-ipvs (by address, by firewall mark).
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import clusterip from '../../exercises/kubernetes/clusterip-iptables/exercise';
import {grade} from '../exercise';
import {EXERCISES_DIR} from '../node';
import {SnapshotSchema} from '../snapshot';
import {buildNetState} from '../state';
import type {Packet} from '../netfilter';
import {endpointShares, ipvsServices, serviceTranslations} from '../services';
import {Query} from '../query';
import {recordedState} from './recorded';

const ID = 'kubernetes/clusterip-iptables';
const PKT: Packet = {src: '10.244.1.3', dst: '10.96.0.20', iif: 'cni0', oif: 'cni0'};
const A = '10.244.1.2';
const B = '10.244.2.2';

const node = (caseFile: string, ns = 'node1') => new Query(recordedState(ID, caseFile)).ns(ns);
const of = (caseFile: string, ns = 'node1') => serviceTranslations(node(caseFile, ns), PKT, 80);

describe('serviceTranslations', () => {
  it('finds nothing in the start state', () => {
    expect(of('start')).toEqual([]);
  });

  it('reads 0.5 then "the rest" as 50/50 in PREROUTING', () => {
    const ts = of('solution');
    expect(ts.map((t) => [t.tool, t.hook])).toEqual([['iptables', 'prerouting']]);
    expect(endpointShares(ts, A, 8080)).toBeCloseTo(0.5);
    expect(endpointShares(ts, B, 8080)).toBeCloseTo(0.5);
  });

  it("follows kube-proxy's KUBE-SERVICES → KUBE-SVC → KUBE-SEP jumps from PREROUTING and OUTPUT", () => {
    const ts = of('alternative--kube-proxy-layout');
    expect(ts.map((t) => t.hook)).toEqual(['prerouting', 'output']);
    const pre = ts.filter((t) => t.hook === 'prerouting');
    expect(endpointShares(pre, A, 8080)).toBeCloseTo(0.5);
    expect(endpointShares(pre, B, 8080)).toBeCloseTo(0.5);
    expect(pre[0]?.text).toHaveLength(2);
  });

  it('gives each key of a numgen random mod 2 map half', () => {
    const ts = of('alternative--nft-numgen');
    expect(ts.map((t) => [t.tool, t.hook])).toEqual([['nftables', 'prerouting']]);
    expect(ts[0]?.targets).toEqual([
      {ip: A, port: 8080, share: 0.5},
      {ip: B, port: 8080, share: 0.5},
    ]);
  });

  it("follows kube-proxy's nftables shape: goto a service chain, numgen vmap to endpoint chains", () => {
    const ts = of('alternative--nft-kube-proxy-chains');
    expect(ts.map((t) => [t.tool, t.hook])).toEqual([['nftables', 'prerouting']]);
    expect(ts[0]?.targets).toEqual([
      {ip: A, port: 8080, share: 0.5},
      {ip: B, port: 8080, share: 0.5},
    ]);
  });

  it('reads an IPVS virtual server, shares by weight', () => {
    const ts = of('alternative--ipvs');
    expect(ts.map((t) => [t.tool, t.hook])).toEqual([['ipvs', 'ipvs']]);
    expect(endpointShares(ts, A, 8080)).toBeCloseTo(0.5);
    expect(ts[0]?.text[0]).toContain('rr');
  });

  it('sees a probability 1.0 first rule starve the second', () => {
    const ts = of('near-miss--probability-one');
    expect(endpointShares(ts, A, 8080)).toBeCloseTo(1);
    expect(endpointShares(ts, B, 8080)).toBe(0);
  });

  it('puts OUTPUT-only rules on the output hook, and the wrong node has them instead of node1', () => {
    expect(of('near-miss--output-only').map((t) => t.hook)).toEqual(['output']);
    expect(of('near-miss--wrong-node')).toEqual([]);
    expect(of('near-miss--wrong-node', 'node2')).toHaveLength(1);
  });

  it('keeps the port a rule writes, so :80 is not taken for :8080', () => {
    const ts = of('near-miss--service-port');
    expect(ts[0]?.targets.map((t) => t.port)).toEqual([80, 80]);
    expect(endpointShares(ts, A, 8080)).toBe(0);
  });

  it('skips a rule for another address', () => {
    expect(serviceTranslations(node('solution'), {...PKT, dst: '10.96.0.99'}, 80)).toEqual([]);
  });
});

describe('ipvsServices (kubernetes/clusterip-ipvs)', () => {
  const IPVS = 'kubernetes/clusterip-ipvs';
  const svc = (caseFile: string) => ipvsServices(new Query(recordedState(IPVS, caseFile)).ns('node1'), PKT, 80);

  it('finds none in the start state, and the address-and-port service of the solution', () => {
    expect(svc('start')).toEqual([]);
    const [s] = svc('solution');
    expect(s).toMatchObject({protocol: 'TCP', address: '10.96.0.20', port: 80, scheduler: 'rr'});
    expect(s?.destinations.map((d) => [d.address, d.port, d.forward])).toEqual(
      expect.arrayContaining([
        [A, 8080, 'Masq'],
        [B, 8080, 'Masq'],
      ]),
    );
  });

  it('finds a firewall-mark service through the mangle rule that marks packets to the ClusterIP', () => {
    const [s] = svc('alternative--fwmark');
    expect(s).toMatchObject({protocol: 'FWM', fwmark: 20});
    // Another destination gets no mark, so the same service does not serve it.
    const other = ipvsServices(
      new Query(recordedState(IPVS, 'alternative--fwmark')).ns('node1'),
      {...PKT, dst: '10.96.0.99'},
      80,
    );
    expect(other).toEqual([]);
  });

  it('reads the scheduler a near-miss chose', () => {
    expect(svc('near-miss--source-hash')[0]?.scheduler).toBe('sh');
  });
});

describe('kubernetes/clusterip-iptables grading', () => {
  /** The recorded case graded as recorded, or with node1's nftables rules hidden from the grader. */
  function graded(caseFile: string, hideNft = false) {
    const file = join(EXERCISES_DIR, ID, 'snapshots', `${caseFile}.json`);
    const snap = SnapshotSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    const s = buildNetState(snap.sections, clusterip.probes);
    if (s.ok && hideNft) {
      const n1 = s.value.namespaces.find((n) => n.name === 'node1');
      if (n1) n1.nft = undefined;
    }
    return grade(clusterip, s).checks.map((c) => [c.id, c.status]);
  }

  it('lets the live connections decide when the rules cannot be read but both Pods answer', () => {
    expect(graded('alternative--nft-kube-proxy-chains', true)).toEqual([
      ['service-rules', 'passed'],
      ['endpoints', 'passed'],
      ['spread', 'passed'],
      ['fetch', 'passed'],
    ]);
  });

  it('still fails a readable one-endpoint layout on the rules, not only on the probe', () => {
    expect(graded('near-miss--one-endpoint')).toContainEqual(['endpoints', 'failed']);
  });
});
