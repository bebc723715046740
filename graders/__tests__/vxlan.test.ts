/** VXLAN in the typed state, and the capturing ping probe, from real VM output (fixtures/vxlan). */
import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {parseFdb, parseLinks} from '../parse/iproute';
import {ProbeDeclSchema, probeLine, probeResult, type ProbeDecl} from '../probes';
import {Query} from '../query';
import {describeUnderlay, underlayView, type UnderlayView} from '../underlay';
import {floodTargets, vtepOf} from '../vxlan';
import {recordedState} from './recorded';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/vxlan/${name}`, import.meta.url), 'utf8');

function links(name: string) {
  const r = parseLinks(fixture(name));
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('vxlan links', () => {
  it('reads VNI, port, remote, local, underlay device and learning', () => {
    const vx = links('link-host1.json').find((l) => l.name === 'vxlan0');
    // Created without dstport: the kernel's 8472, not IANA's 4789.
    expect(vx?.vxlan).toEqual({
      vni: 42,
      port: 8472,
      remote: '192.168.100.2',
      local: '192.168.100.1',
      dev: 'eth0',
      learning: true,
      external: false,
      group: undefined,
    });
    expect(vx?.vlanId).toBeUndefined();
  });

  it('reads a multicast group and nolearning, and a device without remote', () => {
    const l = links('link-host2.json');
    expect(l.find((x) => x.name === 'vx1')?.vxlan).toMatchObject({vni: 7, group: '239.1.1.1', learning: false});
    expect(l.find((x) => x.name === 'vxlan0')?.vxlan).toMatchObject({vni: 42, port: 4789, remote: undefined});
  });

  it('leaves other kinds without vxlan fields', () => {
    expect(links('link-host1.json').find((x) => x.name === 'eth0')?.vxlan).toBeUndefined();
  });
});

describe('vxlan fdb', () => {
  it('keeps dst, and port and VNI when an entry sets its own', () => {
    const r = parseFdb(fixture('fdb-host2.json'));
    if (!r.ok) throw new Error(r.error);
    const vx = r.value.filter((e) => e.ifname === 'vxlan0');
    expect(vx).toEqual([
      {mac: '00:00:00:00:00:00', ifname: 'vxlan0', dst: '192.168.100.1', flags: ['self'], state: 'permanent'},
      {
        mac: '00:00:00:00:00:00',
        ifname: 'vxlan0',
        dst: '192.168.100.9',
        port: 8472,
        vni: 43,
        flags: ['self'],
        state: 'permanent',
      },
      // Learned from the peer's first packet: no state word.
      {mac: '0a:9e:c6:39:7c:d8', ifname: 'vxlan0', dst: '192.168.100.1', flags: ['self'], state: ''},
    ]);
  });
});

const decl: Extract<ProbeDecl, {kind: 'ping'}> = {
  id: 'tunnel',
  kind: 'ping',
  from: 'host1',
  to: '10.42.0.2',
  capture: {dev: 'underlay'},
};

/** A recorded probe section: its rc on the first line, then the body. */
function recorded(name: string) {
  const t = fixture(`probe-${name}.txt`);
  const nl = t.indexOf('\n');
  return probeResult(decl, Number(t.slice(0, nl)), t.slice(nl + 1));
}

function view(name: string): UnderlayView {
  const v = underlayView(recorded(name));
  if (typeof v === 'string') throw new Error(v);
  return v;
}

describe('capturing ping probe', () => {
  it('takes a device without blanks', () => {
    expect(ProbeDeclSchema.safeParse(decl).success).toBe(true);
    expect(ProbeDeclSchema.safeParse({...decl, capture: {dev: 'a b'}}).success).toBe(false);
  });

  it('sends fixed positions: capture namespace, device, size, DF', () => {
    expect(probeLine(decl)).toBe('tunnel pingcap host1 10.42.0.2 . underlay - -');
    expect(probeLine({...decl, capture: {in: 'h', dev: 'eth0'}, size: 1400, dontFragment: true})).toBe(
      'tunnel pingcap host1 10.42.0.2 h eth0 1400 do',
    );
  });

  it("splits ping's text from the capture", () => {
    const r = recorded('tunnel-4789');
    expect(r.ok).toBe(true);
    expect(r.output).toMatch(/1 received, .*\nrtt .* ms$/);
    expect(r.capture).toMatch(/^1MOyoQ/);
  });

  it('says why there is no capture', () => {
    const r = probeResult(decl, 1, 'ping: connect: Network is unreachable\n@@pcap-error tcpdump: nope: No such device');
    expect(r).toMatchObject({ok: false, output: 'ping: connect: Network is unreachable'});
    expect(underlayView(r)).toBe('no capture was taken (tcpdump: nope: No such device)');
  });

  it('finds the echo request inside UDP 4789 with VNI 42, between the VTEPs', () => {
    const v = view('tunnel-4789');
    expect(v.tunnelled).toContainEqual(
      expect.objectContaining({
        outerSrc: '192.168.100.1',
        outerDst: '192.168.100.2',
        port: 4789,
        vni: 42,
        inner: 'echo request',
        innerDst: '10.42.0.2',
      }),
    );
    expect(v.bare).toEqual([]);
  });

  it('sees plain ICMP when the overlay addresses sit on the underlay interfaces', () => {
    const v = view('no-tunnel');
    expect(v.tunnelled).toEqual([]);
    expect(describeUnderlay(v)).toBe(
      'plain ICMP, not encapsulated: echo request 10.42.0.1 → 10.42.0.2, echo reply 10.42.0.2 → 10.42.0.1',
    );
  });

  it('names the port a peer does not listen on (4789 sent, 8472 configured there)', () => {
    const v = view('port-mismatch');
    expect(v.portUnreachable).toContainEqual(expect.objectContaining({from: '192.168.100.2', port: 4789}));
    expect(describeUnderlay(v)).toContain('192.168.100.2 answered "port unreachable" to UDP 4789');
  });

  it('shows both VNIs when the hosts disagree', () => {
    const v = view('vni-mismatch');
    expect(new Set(v.tunnelled.map((t) => `${t.outerSrc} ${t.vni}`))).toEqual(
      new Set(['192.168.100.1 42', '192.168.100.2 43']),
    );
    expect(v.tunnelled.some((t) => t.inner === 'echo request')).toBe(false);
  });
});

describe('flood destinations of recorded labs', () => {
  const targets = (caseFile: string, ns: string) => {
    const q = new Query(recordedState('vxlan/point-to-point', caseFile));
    const dev = vtepOf(q, ns, 42);
    if (!dev) throw new Error(`no VXLAN device in ${ns}`);
    return {dev, targets: floodTargets(q, ns, dev)};
  };

  it('counts remote once, though the kernel keeps it as an all-zero FDB entry too', () => {
    expect(targets('solution', 'host1').targets).toEqual(['192.168.100.2']);
  });

  it('reads all-zero entries written with bridge fdb append, on any device name', () => {
    const t = targets('alternative--static-flood-entries', 'host2');
    expect(t.dev.name).toBe('tun42');
    expect(t.dev.vxlan?.remote).toBeUndefined();
    expect(t.targets).toEqual(['192.168.100.1']);
  });

  it('reads a multicast group', () => {
    expect(targets('alternative--multicast-group', 'host1').targets).toEqual(['239.1.1.42']);
  });
});
