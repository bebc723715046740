/**
 * What Service labs read: http probes (which endpoint answered), IPVS virtual
 * servers and conntrack entries. Parsers and the state builder against real
 * VM output (fixtures/services-collect.txt: node1 with Pods pod-a 10.244.1.2,
 * pod-b 10.244.1.4 and pod-c 10.244.1.3, whose busybox httpd answers with the
 * Pod's name; 10.96.0.20:80 DNATed by iptables with `statistic`, 10.96.0.30:80
 * an IPVS round-robin service; collected with NETLAB_DEEP=node1 and
 * NETLAB_CONNTRACK=1), cut to the root's and node1's sections.
 */
import {readFileSync} from 'node:fs';
import {join} from 'node:path';
import {describe, expect, it} from 'vitest';
import {parseConntrack} from '../parse/conntrack';
import {parseIpvs} from '../parse/ipvs';
import {ProbeDeclSchema, probeLine} from '../probes';
import {parseSections} from '../sections';
import {buildNetState} from '../state';

const FIXTURE = readFileSync(join(import.meta.dirname, 'fixtures', 'services-collect.txt'), 'utf8');
const probes = [
  {id: 'svc', kind: 'http', from: 'pod-c', to: '10.96.0.20', count: 6},
  {id: 'vip', kind: 'http', from: 'pod-c', to: '10.96.0.30', host: 'web.lab.example', count: 4},
  {id: 'dead', kind: 'http', from: 'pod-c', to: '10.96.0.99'},
  {id: 'refused', kind: 'http', from: 'pod-c', to: '10.244.1.2', port: 81},
].map((p) => ProbeDeclSchema.parse(p));

function state() {
  const sections = parseSections(FIXTURE);
  if (!sections.ok) throw new Error(sections.error);
  const s = buildNetState(sections.value, probes);
  if (!s.ok) throw new Error(s.error);
  return s.value;
}

describe('http probe', () => {
  it('is one collector line with port, count, host ("-": the target) and path', () => {
    expect(probes.map(probeLine)).toEqual([
      'svc http pod-c 10.96.0.20 80 6 - /',
      'vip http pod-c 10.96.0.30 80 4 web.lab.example /',
      'dead http pod-c 10.96.0.99 80 1 - /',
      'refused http pod-c 10.244.1.2 81 1 - /',
    ]);
  });

  it('reads one response per connection: status and body, so both endpoints show', () => {
    const svc = state().probes['svc'];
    expect(svc?.ok).toBe(true);
    expect(svc?.responses).toHaveLength(6);
    expect(svc?.responses?.every((r) => r.status === 200 && r.exitCode === 0)).toBe(true);
    expect(new Set(svc?.responses?.map((r) => r.body.trim()))).toEqual(new Set(['pod-a', 'pod-b']));
  });

  it('keeps the reason when no response came', () => {
    const s = state();
    expect(s.probes['dead']?.ok).toBe(false);
    expect(s.probes['dead']?.responses?.[0]).toMatchObject({status: null, body: ''});
    expect(s.probes['dead']?.responses?.[0]?.error).toContain('Network is unreachable');
    expect(s.probes['refused']?.responses?.[0]?.error).toContain('Connection refused');
  });
});

describe('IPVS', () => {
  it("decodes node1's virtual server and its two Masq destinations", () => {
    const node1 = state().namespaces.find((n) => n.name === 'node1');
    expect(node1?.ipvs).toEqual([
      {
        protocol: 'TCP',
        address: '10.96.0.30',
        port: 80,
        scheduler: 'rr',
        flags: '',
        destinations: [
          expect.objectContaining({address: '10.244.1.4', port: 8080, forward: 'Masq', weight: 1}),
          expect.objectContaining({address: '10.244.1.2', port: 8080, forward: 'Masq', weight: 1}),
        ],
      },
    ]);
  });

  it('reads firewall-mark and UDP services, and refuses a line it cannot read', () => {
    const text = [
      'IP Virtual Server version 1.2.1 (size=4096)',
      'Prot LocalAddress:Port Scheduler Flags',
      '  -> RemoteAddress:Port Forward Weight ActiveConn InActConn',
      'UDP  0A60000A:0035 wrr  ',
      '  -> 0AF40135:0035      Masq    1      0          0         ',
      'FWM  00000007 sh persistent 300',
    ].join('\n');
    const r = parseIpvs(text);
    expect(r.ok && r.value).toEqual([
      expect.objectContaining({protocol: 'UDP', address: '10.96.0.10', port: 53, scheduler: 'wrr'}),
      {protocol: 'FWM', fwmark: 7, scheduler: 'sh', flags: 'persistent 300', destinations: []},
    ]);
    expect(parseIpvs('TCP  nonsense').ok).toBe(false);
  });

  it('is absent where ip_vs has no service (the root here)', () => {
    expect(state().namespaces.find((n) => n.name === null)?.ipvs).toBeUndefined();
  });
});

describe('conntrack', () => {
  it("shows which Pod served each Service connection (the reply direction's source)", () => {
    const node1 = state().namespaces.find((n) => n.name === 'node1');
    const svc = node1?.conntrack?.filter((e) => e.original.dst === '10.96.0.20') ?? [];
    expect(svc.length).toBeGreaterThan(0);
    for (const e of svc) {
      expect(e).toMatchObject({
        family: 'ipv4',
        protocol: 'tcp',
        state: 'TIME_WAIT',
        original: {src: '10.244.1.3', dport: 80},
      });
      expect(['10.244.1.2', '10.244.1.4']).toContain(e.reply.src);
      expect(e.reply.sport).toBe(8080);
      expect(e.flags).toContain('ASSURED');
    }
  });

  it('reads UDP entries without a state, and UNREPLIED', () => {
    const r = parseConntrack(
      'ipv4     2 udp      17 28 src=10.244.1.3 dst=10.96.0.10 sport=5353 dport=53 [UNREPLIED] src=10.244.1.53 dst=10.244.1.3 sport=53 dport=5353 mark=0 zone=0 use=2',
    );
    expect(r.ok && r.value[0]).toMatchObject({
      protocol: 'udp',
      timeout: 28,
      flags: ['UNREPLIED'],
      reply: {src: '10.244.1.53'},
    });
    expect(r.ok && r.value[0]?.state).toBeUndefined();
    expect(parseConntrack('ipv4 2 tcp 6 x').ok).toBe(false);
  });
});
