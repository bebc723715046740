import {describe, expect, it} from 'vitest';
import {effectiveResolvConf, hostsLookup, listenerProblem, parseResolvConf, serverAnswer, TIMED_OUT} from '../dns';
import {NET_STATE_VERSION, type NetState, type NsState, type ProbeResult, type Socket} from '../model';
import {Query} from '../query';

const ns = (name: string | null, sockets?: Socket[]): NsState => ({
  name,
  links: [],
  routes: [],
  rules: [],
  neighbours: [],
  nsids: [],
  bridgePorts: [],
  bridgeVlans: [],
  fdb: [],
  sysctls: {},
  sockets,
});

const query = (namespaces: NsState[], files: Record<string, string> = {}): Query => {
  const state: NetState = {
    version: NET_STATE_VERSION,
    namespaces,
    probes: {},
    files: Object.fromEntries(Object.entries(files).map(([p, content]) => [p, {exists: true, content}])),
    problems: [],
  };
  return new Query(state);
};

const udp = (local: string, process = 'dnsmasq'): Socket => ({proto: 'udp', local, port: 53, process});
const tcp = (local: string): Socket => ({proto: 'tcp', local, port: 53, process: 'dnsmasq'});

describe('parseResolvConf', () => {
  it('reads nameservers, the search list and ndots, skipping comments', () => {
    const c = parseResolvConf(
      '# generated\nnameserver 10.0.0.53\n; old\nsearch lab.example example\noptions ndots:2 timeout:1\n',
    );
    expect(c).toEqual({nameservers: ['10.0.0.53'], search: ['lab.example', 'example'], ndots: 2});
  });

  it('has glibc defaults: ndots 1, no search list; the last of search and domain wins', () => {
    expect(parseResolvConf('')).toEqual({nameservers: [], search: [], ndots: 1});
    expect(parseResolvConf('search a.example\ndomain b.example\n').search).toEqual(['b.example']);
  });

  it('keeps the first three nameservers and caps ndots at 15', () => {
    const c = parseResolvConf(
      'nameserver 1.1.1.1\nnameserver 2.2.2.2\nnameserver 3.3.3.3\nnameserver 4.4.4.4\noptions ndots:30',
    );
    expect(c.nameservers).toEqual(['1.1.1.1', '2.2.2.2', '3.3.3.3']);
    expect(c.ndots).toBe(15);
  });
});

describe('hostsLookup', () => {
  it('finds every address listed for a name, ignoring case, aliases order and comments', () => {
    const text = '127.0.0.1 localhost\n10.0.0.80 www WEB.lab.example # the web server\n#10.0.0.9 web.lab.example\n';
    expect(hostsLookup(text, 'web.lab.example')).toEqual(['10.0.0.80']);
    expect(hostsLookup(text, 'db.lab.example')).toEqual([]);
  });
});

describe('effectiveResolvConf', () => {
  it("prefers the namespace's own file, as ip netns exec does", () => {
    const files = {'/etc/netns/client/resolv.conf': 'nameserver 10.0.0.53\n', '/etc/resolv.conf': '# none\n'};
    expect(effectiveResolvConf(query([], files), 'client')?.path).toBe('/etc/netns/client/resolv.conf');
    expect(effectiveResolvConf(query([], {'/etc/resolv.conf': '# none\n'}), 'client')?.path).toBe('/etc/resolv.conf');
  });
});

describe('listenerProblem', () => {
  it('accepts a UDP socket on the address or on the wildcard', () => {
    expect(
      listenerProblem(query([ns('dns', [udp('10.0.0.53'), tcp('10.0.0.53')])]), 'dns', '10.0.0.53'),
    ).toBeUndefined();
    expect(listenerProblem(query([ns('dns', [udp('0.0.0.0')])]), 'dns', '10.0.0.53')).toBeUndefined();
    expect(listenerProblem(query([ns('dns', [udp('*')])]), 'dns', '10.0.0.53')).toBeUndefined();
  });

  it('cannot tell without the socket list', () => {
    expect(listenerProblem(query([ns('dns')]), 'dns', '10.0.0.53')).toBeUndefined();
  });

  it('names a server bound to loopback only', () => {
    const m = listenerProblem(query([ns('dns', [udp('127.0.0.1'), tcp('127.0.0.1')])]), 'dns', '10.0.0.53');
    expect(m).toMatch(
      /dnsmasq in dns listens on UDP 127\.0\.0\.1:53, TCP 127\.0\.0\.1:53 only; the queries arrive on 10\.0\.0\.53/,
    );
  });

  it('names a server started in the root namespace', () => {
    const m = listenerProblem(query([ns(null, [udp('0.0.0.0')]), ns('dns', [])]), 'dns', '10.0.0.53');
    expect(m).toMatch(/^Nothing listens on port 53 in dns\. dnsmasq listens on port 53 in the root namespace/);
  });

  it('names a TCP-only listener', () => {
    expect(listenerProblem(query([ns('dns', [tcp('10.0.0.53')])]), 'dns', '10.0.0.53')).toMatch(/no UDP socket/);
  });
});

describe('serverAnswer', () => {
  const name = {name: 'web.lab.example', asked: 'ask', resolved: 'res'};
  const withProbes = (files: Record<string, string>, ask: Partial<ProbeResult>, res: Partial<ProbeResult>): Query => {
    const q = query([], files);
    q.state.probes.ask = {id: 'ask', ok: false, exitCode: 0, output: '', ...ask};
    q.state.probes.res = {id: 'res', ok: false, exitCode: 2, output: '', ...res};
    return q;
  };
  const conf = {'/etc/netns/client/resolv.conf': 'nameserver 10.0.0.53\n', '/etc/hosts': '127.0.0.1 localhost\n'};
  const resolved = {ok: true, exitCode: 0, answers: ['10.0.0.80'], canonicalName: 'web.lab.example'};

  it('takes the direct query when it finished: an empty reply is still a reply', () => {
    const q = withProbes(conf, {ok: true, answers: ['10.0.0.18']}, resolved);
    expect(serverAnswer(q, 'client', '10.0.0.53', name)).toEqual({addrs: ['10.0.0.18'], replied: true, exitCode: 0});
    const empty = withProbes(conf, {answers: []}, resolved);
    expect(serverAnswer(empty, 'client', '10.0.0.53', name)).toMatchObject({addrs: [], replied: true});
  });

  it("falls back to the namespace's lookup when the direct query timed out and it asks that server alone", () => {
    const q = withProbes(conf, {exitCode: TIMED_OUT}, resolved);
    expect(serverAnswer(q, 'client', '10.0.0.53', name)).toEqual({addrs: ['10.0.0.80'], replied: true, exitCode: 0});
  });

  it('counts the answers getent printed even when its own deadline stopped it before it exited', () => {
    const late = {...resolved, ok: false, exitCode: TIMED_OUT};
    const q = withProbes(conf, {exitCode: TIMED_OUT}, late);
    expect(serverAnswer(q, 'client', '10.0.0.53', name)).toEqual({addrs: ['10.0.0.80'], replied: true, exitCode: 0});
  });

  it('does not fall back when a hosts file or another server could have answered', () => {
    const hosts = withProbes({...conf, '/etc/hosts': '10.0.0.80 web.lab.example\n'}, {exitCode: TIMED_OUT}, resolved);
    expect(serverAnswer(hosts, 'client', '10.0.0.53', name)).toMatchObject({addrs: [], replied: false});
    const two = {...conf, '/etc/netns/client/resolv.conf': 'nameserver 10.0.0.53\nnameserver 10.0.0.10\n'};
    const q = withProbes(two, {exitCode: TIMED_OUT}, resolved);
    expect(serverAnswer(q, 'client', '10.0.0.53', name)).toMatchObject({
      addrs: [],
      replied: false,
      exitCode: TIMED_OUT,
    });
  });
});
