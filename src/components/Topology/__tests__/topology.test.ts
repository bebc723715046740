/**
 * The topology drawn from recorded snapshots: every namespace, link, address
 * and cable of the state is in the SVG, down ends are marked, changes are
 * highlighted, and what the learner named is escaped.
 */
import ELK from 'elkjs/lib/elk.bundled.js';
import {describe, expect, it} from 'vitest';
import {recordedState} from '../../../../graders/__tests__/recorded';
import type {NetState} from '../../../../graders/model';
import {Query} from '../../../../graders/query';
import {drawTopology} from '../draw';
import {buildGraph, portId, type TopoNamespace} from '../graph';
import {layoutGraph} from '../layout';

const elk = new ELK();

const CASES: [string, string][] = [
  ['bridges/two-namespaces', 'solution'],
  ['bridges/two-namespaces', 'near-miss--inner-end-down'],
  ['vlans/vlan-aware-bridge', 'solution'],
  ['vxlan/point-to-point', 'solution'],
  ['vxlan/stretch-a-bridge', 'solution'],
  ['kubernetes/vxlan-overlay', 'solution'],
  ['kubernetes/nodeport', 'solution'],
  ['ovs/vlan-access-ports', 'solution'],
  ['dhcp/serve-a-subnet', 'solution'],
  ['devices/active-backup-bond', 'solution'],
];

/** The `<g>` or `<path>` element drawn for an id, with its class list. */
function element(svg: string, id: string): {cls: string; body: string} | undefined {
  const at = svg.indexOf(`data-id="${id}"`);
  if (at < 0) return undefined;
  const open = svg.lastIndexOf('<', at);
  const cls = /class="([^"]*)"/.exec(svg.slice(open, at))?.[1] ?? '';
  return {cls, body: svg.slice(at, svg.indexOf('</g>', at))};
}

const texts = (svg: string) => [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]);

describe.each(CASES)('the drawing of %s (%s)', (exercise, snapshot) => {
  const state = recordedState(exercise, snapshot);
  const drawn = drawTopology(state, elk).then((d) => d.svg);

  it('has a box named after every namespace', async () => {
    const svg = await drawn;
    for (const ns of state.namespaces) {
      expect(texts(svg)).toContain(ns.name === null ? 'root namespace' : `netns ${ns.name}`);
    }
  });

  it('draws every link with its name, and every address of the state', async () => {
    const svg = await drawn;
    for (const ns of state.namespaces) {
      for (const l of ns.links) {
        const el = element(svg, portId(ns.name, l.name));
        expect(el, `${l.name} in ${ns.name ?? 'root'}`).toBeDefined();
        expect(el?.body).toContain(`>${l.name}</text>`);
        for (const a of l.addresses) expect(el?.body, `${l.name}`).toContain(`${a.local}/${a.prefixlen}`);
      }
    }
  });

  it('draws a cable for every veth pair', async () => {
    const svg = await drawn;
    const q = new Query(state);
    let pairs = 0;
    for (const ns of state.namespaces) {
      for (const l of ns.links.filter((x) => x.kind === 'veth')) {
        const peer = q.vethPeer(l.name, ns.name ?? undefined);
        expect(peer, `the peer of ${l.name}`).toBeDefined();
        if (!peer) continue;
        const ends = [portId(ns.name, l.name), portId(peer.ns, peer.link.name)].sort();
        expect(element(svg, `veth:${ends[0]}~${ends[1]}`), `cable ${ends.join(' - ')}`).toBeDefined();
        pairs++;
      }
    }
    expect(pairs).toBeGreaterThan(0);
  });

  it('hangs every namespace routes on its hover text', async () => {
    const svg = await drawn;
    for (const ns of state.namespaces) {
      const main = ns.routes.find((r) => r.table === 'main' && r.family === 'inet');
      if (!main) continue;
      const el = element(svg, `ns:${ns.name ?? '.'}`);
      expect(el?.body.split('</title>')[0]).toContain(main.dst);
    }
  });
});

describe('what the drawing says', () => {
  it('marks a link that is down and its cable in red', async () => {
    const {svg} = await drawTopology(recordedState('bridges/two-namespaces', 'near-miss--inner-end-down'), elk);
    expect(element(svg, 'if:red/eth0')?.cls).toContain('nlt-down');
    expect(element(svg, 'if:red/eth0')?.body).toContain('veth · DOWN');
    expect(element(svg, 'if:./veth-red')?.cls).toContain('nlt-nocarrier');
    expect(element(svg, 'veth:if:./veth-red~if:red/eth0')?.cls).toContain('nlt-down');
    expect(element(svg, 'veth:if:./veth-blue~if:blue/eth0')?.cls).not.toContain('nlt-down');
    // A loopback left down says so, without the red of a broken cable.
    expect(element(svg, 'if:red/lo')?.body).toContain('loopback · DOWN');
    expect(element(svg, 'if:red/lo')?.cls).toBe('nlt-port nlt-quiet');
  });

  it('highlights what changed since the previous drawing, and only that', async () => {
    const before = buildGraph(recordedState('bridges/two-namespaces', 'near-miss--inner-end-down'));
    const {svg, change} = await drawTopology(recordedState('bridges/two-namespaces', 'solution'), elk, {
      previous: before,
    });
    expect([...change.changed].sort()).toEqual(
      expect.arrayContaining(['if:red/eth0', 'if:./veth-red', 'veth:if:./veth-red~if:red/eth0']),
    );
    expect(change.changed.has('if:blue/eth0')).toBe(false);
    expect(element(svg, 'if:red/eth0')?.cls).toContain('nlt-changed');
    expect(element(svg, 'if:blue/eth0')?.cls).not.toContain('nlt-changed');
  });

  it('names what is gone', async () => {
    const before = buildGraph(recordedState('bridges/two-namespaces', 'solution'));
    const {svg} = await drawTopology(recordedState('bridges/two-namespaces', 'start'), elk, {previous: before});
    expect(svg).toMatch(/Gone since the last drawing: [^<]*netns red/);
  });

  it('shows each bridge port with its VLANs', async () => {
    const {svg} = await drawTopology(recordedState('vlans/vlan-aware-bridge', 'solution'), elk);
    expect(element(svg, 'if:./veth-h1')?.body).toContain('10 pvid untagged');
    expect(element(svg, 'if:./veth-h3')?.body).toContain('20 pvid untagged');
    expect(element(svg, 'if:./br0')?.body).toContain('vlan_filtering on');
  });

  it('draws an OVS bridge as a switch with its access ports, not as a broken device', async () => {
    const {svg} = await drawTopology(recordedState('ovs/vlan-access-ports', 'solution'), elk);
    const br = element(svg, 'if:./ovsbr0');
    expect(br?.cls).toContain('nlt-switch');
    expect(br?.cls).not.toContain('nlt-down');
    expect(br?.body).toContain('internal port DOWN');
    expect(element(svg, 'if:./veth-red1')?.body).toContain('VLAN 10 (access)');
    expect(element(svg, 'if:./veth-blue2')?.body).toContain('VLAN 20 (access)');
  });

  it('draws the VXLAN tunnel with its VNI, remote and port', async () => {
    const {svg} = await drawTopology(recordedState('vxlan/point-to-point', 'solution'), elk);
    const vx = element(svg, 'if:host1/vxlan0')?.body ?? '';
    expect(vx).toContain('VNI 42 · dstport 4789');
    expect(vx).toContain('remote 192.168.100.2');
    expect(element(svg, 'tunnel:if:host1/vxlan0~if:host2/vxlan0')).toBeDefined();
  });

  it('finds the tunnel of VTEPs that only name each other in their FDB', async () => {
    const {svg} = await drawTopology(recordedState('kubernetes/vxlan-overlay', 'solution'), elk);
    expect(element(svg, 'tunnel:if:node1/flannel.1~if:node2/flannel.1')).toBeDefined();
  });

  it('draws Pods inside their node', async () => {
    const state = recordedState('kubernetes/nodeport', 'solution');
    const graph = buildGraph(state);
    const node1 = graph.namespaces.find((n) => n.id === 'ns:node1');
    expect(node1?.children.map((c: TopoNamespace) => c.id).sort()).toEqual(['ns:pod-a', 'ns:pod-c']);
    // A host on a plain bridge stays beside it.
    expect(graph.namespaces.map((n) => n.id)).toContain('ns:ext');
    const placed = await layoutGraph(graph, elk);
    const outer = placed.boxes.get('ns:node1');
    const inner = placed.boxes.get('ns:pod-a');
    expect(outer && inner).toBeTruthy();
    if (!outer || !inner) return;
    expect(inner.x).toBeGreaterThan(outer.x);
    expect(inner.y + inner.height).toBeLessThan(outer.y + outer.height);
  });

  it('escapes what the learner named', async () => {
    const state: NetState = structuredClone(recordedState('bridges/two-namespaces', 'solution'));
    const red = state.namespaces.find((n) => n.name === 'red');
    const eth0 = red?.links.find((l) => l.name === 'eth0');
    if (!eth0) throw new Error('the recording has no red/eth0');
    eth0.name = '<script>"x"&';
    const {svg} = await drawTopology(state, elk);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;&quot;x&quot;&amp;');
  });
});
