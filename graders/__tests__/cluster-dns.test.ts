/**
 * kubernetes/cluster-dns graded from its recorded VM states (graders/clusterdns*.ts):
 * each mistake fails for its real reason and the message names it.
 * (snapshots.test.ts already checks pass/fail of every case; this pins the
 * wording the lesson's "Break it on purpose" section relies on.)
 */
import {describe, expect, it} from 'vitest';
import ex from '../../exercises/kubernetes/cluster-dns/exercise';
import {protoTargets} from '../clusterdns';
import {gradeRecorded} from './recorded';

const grade = (caseFile: string) => gradeRecorded(ex, caseFile);

describe('kubernetes/cluster-dns', () => {
  it('the start state: no server in coredns, and pod-c reads the root resolv.conf', () => {
    const {status, message} = grade('start');
    expect(message('server')).toMatch(/Nothing listens on port 53 in coredns/);
    expect(message('resolv-conf')).toMatch(/no \/etc\/netns\/pod-c\/resolv\.conf.*root's \/etc\/resolv\.conf/);
    expect(status('service-udp')).toBe('skipped');
  });

  it('UDP only: every lookup works, and the TCP check names the missing protocol', () => {
    const {status, message} = grade('near-miss--udp-only');
    expect(status('service-udp')).toBe('passed');
    expect(status('search-misses')).toBe('passed');
    expect(message('service-tcp')).toMatch(/translates only UDP.*truncated.*dns-tcp/);
  });

  it('no search line: the full name resolves, web does not, and the message says why', () => {
    const {status, message} = grade('near-miss--no-search');
    expect(status('full-name')).toBe('passed');
    expect(message('resolv-conf')).toMatch(/no search list/);
    expect(message('short-name')).toMatch(/no search list/);
  });

  it('the wrong target port is named, with the empty port', () => {
    expect(grade('near-miss--wrong-port').message('service-udp')).toMatch(
      /10\.244\.1\.53:5353, where nothing listens in coredns.*port 53/,
    );
  });

  it('a server on loopback only, and a record naming a Pod, are named', () => {
    expect(grade('near-miss--loopback-only').message('server')).toMatch(/127\.0\.0\.1:53.*only.*10\.244\.1\.53/);
    expect(grade('near-miss--pod-address').message('records')).toMatch(/10\.244\.1\.2 is pod-a.*ClusterIP/);
  });

  it('a server that refuses unknown names breaks the search list, and the message says so', () => {
    const {status, message} = grade('near-miss--no-stub-zone');
    expect(status('short-name')).toBe('passed');
    expect(message('search-misses')).toMatch(/REFUSED.*ends the walk/);
  });

  it.each(['solution', 'alternative--kube-proxy-chains', 'alternative--nft', 'alternative--ipvs'])('%s passes', (c) =>
    expect(grade(c).r.verdict).toBe('passed'),
  );
});

describe('protoTargets', () => {
  it('reads the protocol of each iptables DNAT, an nft rule and an IPVS service', () => {
    const ts = protoTargets([
      {
        tool: 'iptables',
        hook: 'prerouting',
        targets: [
          {ip: '10.244.1.53', port: 53, share: 1},
          {ip: '10.244.1.53', port: 5353, share: 1},
        ],
        text: ['-A X -p udp -j DNAT --to-destination 10.244.1.53:53', '-A Y -j DNAT --to-destination 10.244.1.53:5353'],
      },
      {
        tool: 'nftables',
        hook: 'prerouting',
        targets: [{ip: '10.244.1.53', port: 53, share: 1}],
        text: ['{"match":{"left":{"meta":{"key":"l4proto"}},"right":"tcp"}}'],
      },
      {tool: 'ipvs', hook: 'ipvs', targets: [{ip: '10.244.1.53', port: 53, share: 1}], text: ['UDP 10.96.0.10:53 rr']},
    ]);
    expect(ts.map((t) => t.protos)).toEqual([['udp'], ['udp', 'tcp'], ['tcp'], ['udp']]);
    expect(ts[1].port).toBe(5353);
  });
});
