/**
 * graders/pods.ts on the recorded states of kubernetes/pod-to-pod-routes: the
 * hop-by-hop walk names where a Pod's packet stops (no route on which node,
 * forwarding, a next hop that is the node itself, a route inside the Pod),
 * lists the source NAT on the way, and leaves tunnels to the live probes.
 * The failure messages the lesson's "Break it on purpose" relies on are pinned too.
 */
import {describe, expect, it} from 'vitest';
import ex from '../../exercises/kubernetes/pod-to-pod-routes/exercise';
import {segmentOf, walkPods, type Pod} from '../pods';
import {policyLookup} from '../policy';
import {Query} from '../query';
import {gradeRecorded, recordedState} from './recorded';

const ID = 'kubernetes/pod-to-pod-routes';
const A: Pod = {pod: 'pod-a', node: 'node1', ip: '10.244.1.2', cidr: '10.244.1.0/24'};
const B: Pod = {pod: 'pod-b', node: 'node2', ip: '10.244.2.2', cidr: '10.244.2.0/24'};
const q = (caseFile: string) => new Query(recordedState(ID, caseFile));

const grade = (caseFile: string) => gradeRecorded(ex, caseFile);

describe('segmentOf', () => {
  it("puts a Pod's eth0 on its node's cni0, and the two nodes' eth0 on lan", () => {
    const s = q('start');
    expect(segmentOf(s, 'eth0', 'pod-a')).toBe('node1/cni0');
    expect(segmentOf(s, 'cni0', 'node1')).toBe('node1/cni0');
    expect(segmentOf(s, 'eth0', 'node1')).toBe('./lan');
    expect(segmentOf(s, 'eth0', 'node2')).toBe('./lan');
    expect(segmentOf(s, 'eth0', 'pod-b')).toBe('node2/cni0');
  });
});

describe('walkPods', () => {
  it('stops at the node without a route, naming the Pod CIDR', () => {
    const w = walkPods(q('start'), A, B);
    expect(w.kind).toBe('broken');
    expect(w.path).toEqual(['pod-a', 'node1']);
    if (w.kind === 'broken')
      expect(w.message).toMatch(/node1 has no route to 10\.244\.2\.2 \(node2's Pod CIDR is 10\.244\.2\.0\/24\)/);
  });

  it('follows host-gw routes through both nodes, without NAT', () => {
    const s = q('solution');
    expect(walkPods(s, A, B)).toEqual({
      kind: 'delivered',
      path: ['pod-a', 'node1', 'node2', 'pod-b'],
      nat: [],
      mayNat: [],
    });
    expect(walkPods(s, B, A)).toEqual({
      kind: 'delivered',
      path: ['pod-b', 'node2', 'node1', 'pod-a'],
      nat: [],
      mayNat: [],
    });
  });

  it('a route on node1 only: one way delivered, the other stops on node2', () => {
    const s = q('near-miss--route-on-node1-only');
    expect(walkPods(s, A, B).kind).toBe('delivered');
    const back = walkPods(s, B, A);
    expect(back.kind === 'broken' && back.at).toBe('node2');
  });

  it('lists the MASQUERADE rule that rewrites the Pod source on node1', () => {
    const w = walkPods(q('near-miss--masquerade'), A, B);
    expect(w.kind).toBe('delivered');
    if (w.kind === 'delivered')
      expect(w.nat.join()).toMatch(/node1 rewrites the source 10\.244\.1\.2 to 192\.168\.50\.11 .*MASQUERADE/);
  });

  it("names forwarding off on node2's eth0", () => {
    const w = walkPods(q('near-miss--forwarding-off'), A, B);
    expect(w.kind === 'broken' && w.message).toMatch(/In node2: Forwarding is off on eth0/);
  });

  it("refuses node1's own address as the next hop", () => {
    const w = walkPods(q('near-miss--own-address-next-hop'), A, B);
    expect(w.kind === 'broken' && w.message).toMatch(/192\.168\.50\.11 is node1's own address/);
  });

  it("sees that a Pod's on-link route to the other Pod CIDR ends on its own bridge", () => {
    const w = walkPods(q('near-miss--routes-in-pods'), A, B);
    expect(w.kind).toBe('broken');
    expect(w.path).toEqual(['pod-a']);
    expect(w.kind === 'broken' && w.message).toMatch(
      /10\.244\.2\.2 is pod-b's, on node2's cni0, while eth0 here is on node1's cni0: its ARP request for 10\.244\.2\.2 gets no answer/,
    );
  });

  it('follows a VXLAN next hop by its overlay address, a route in another table, and the cluster-CIDR route', () => {
    expect(walkPods(q('alternative--vxlan-point-to-point'), A, B).path).toEqual(['pod-a', 'node1', 'node2', 'pod-b']);
    expect(walkPods(q('alternative--route-table'), A, B).kind).toBe('delivered');
    expect(walkPods(q('alternative--cluster-cidr-route'), B, A).kind).toBe('delivered');
  });

  it('leaves a tunnel route without a gateway to the live probes', () => {
    // The VXLAN recording with its device turned into an IPIP one routed without a gateway, as Calico's tunl0 can be.
    const state = recordedState(ID, 'alternative--vxlan-point-to-point');
    const node1 = state.namespaces.find((n) => n.name === 'node1');
    const r = node1?.routes.find((x) => x.dst === '10.244.2.0/24');
    const dev = node1?.links.find((l) => l.name === 'vx0');
    if (!r || !dev) throw new Error('the recording has no vx0 route to 10.244.2.0/24 on node1');
    delete r.gateway;
    dev.kind = 'ipip';
    const w = walkPods(new Query(state), A, B);
    expect(w.kind).toBe('unknown');
    expect(w.kind === 'unknown' && w.why).toMatch(/enters the ipip device vx0/);
  });
});

describe('policyLookup', () => {
  it('finds a route kept in another table behind a rule with a destination', () => {
    const s = q('alternative--route-table');
    const r = policyLookup(s, 'node1', {src: A.ip, dst: B.ip, iif: 'cni0'});
    expect(r !== 'unknown' && r?.gateway).toBe('192.168.50.12');
    expect(s.routeLookup(B.ip, 'node1')).toBeUndefined();
  });

  it('a fwmark rule makes the answer unknown, and the walk leaves it to the probes', () => {
    const state = recordedState(ID, 'alternative--route-table');
    const rule = state.namespaces.find((n) => n.name === 'node1')?.rules.find((r) => r.table === '100');
    if (!rule) throw new Error('the recording has no rule for table 100 on node1');
    rule.fwmark = '0x1';
    rule.dst = undefined;
    const w = walkPods(new Query(state), A, B);
    expect(w.kind === 'unknown' && w.why).toMatch(/node1 has ip rules/);
  });
});

describe(ID, () => {
  it('the start state names the missing route on each node', () => {
    const {message, status} = grade('start');
    expect(message('a-to-b')).toMatch(/node1 has no route/);
    expect(message('b-to-a')).toMatch(/node2 has no route/);
    expect(status('no-nat')).toBe('skipped');
  });

  it('masquerading passes the pings and fails no-nat, naming the address pod-b sees and the rule', () => {
    const {message, status} = grade('near-miss--masquerade');
    expect(status('ping')).toBe('passed');
    expect(message('no-nat')).toMatch(
      /pod-b sees pod-a's packets coming from 192\.168\.50\.11 \(node1's address on eth0\)/,
    );
    expect(message('no-nat')).toMatch(/-A POSTROUTING -s 10\.244\.1\.0\/24 -o eth0 -j MASQUERADE/);
  });

  it('a route on node1 only fails b-to-a on node2', () => {
    const {message, status} = grade('near-miss--route-on-node1-only');
    expect(status('a-to-b')).toBe('passed');
    expect(message('b-to-a')).toMatch(/node2 has no route to 10\.244\.1\.2/);
  });

  it('every alternative passes', () => {
    for (const alt of ['route-table', 'vxlan-point-to-point', 'cluster-cidr-route']) {
      expect(grade(`alternative--${alt}`).r.verdict).toBe('passed');
    }
  });
});
