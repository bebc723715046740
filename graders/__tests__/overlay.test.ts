/**
 * kubernetes/vxlan-overlay graded from its recorded VM states: each mistake
 * fails for its real reason, named node by node (snapshots.test.ts already
 * checks pass/fail of every case; this pins the wording the lesson's "Break it
 * on purpose" section relies on).
 */
import {describe, expect, it} from 'vitest';
import ex from '../../exercises/kubernetes/vxlan-overlay/exercise';
import {gradeRecorded} from './recorded';

const grade = (caseFile: string) => gradeRecorded(ex, caseFile);

describe('kubernetes/vxlan-overlay', () => {
  it('the start state has an untouched router and no VXLAN device', () => {
    const {status, message} = grade('start');
    expect(status('router-unchanged')).toBe('passed');
    expect(message('node1-vtep')).toMatch(/node1 has no VXLAN device.*to 192\.168\.50\.1 .*no route to the Pod CIDRs/);
    expect(status('pod-a-to-pod-b')).toBe('skipped');
  });

  it('Pod routes on the router are refused, though they work', () => {
    const {message} = grade('near-miss--router-routes');
    expect(message('router-unchanged')).toMatch(
      /routes toward 10\.244\.0\.0\/16 \(10\.244\.1\.0\/24 via 192\.168\.50\.11.*that is the point of an overlay/,
    );
  });

  it('a missing FDB entry is named with the MAC that has no VTEP', () => {
    const {message} = grade('near-miss--no-fdb');
    expect(message('pod-a-to-pod-b')).toMatch(/node1 knows that 10\.244\.2\.0 is at .*no entry for .*no VTEP/);
    expect(message('pod-b-to-pod-a')).toMatch(/dst 192\.168\.50\.11/);
  });

  it('a route without the .0 gateway is traced to the ARP that goes nowhere', () => {
    expect(grade('near-miss--no-onlink-route').message('pod-a-to-pod-b')).toMatch(
      /straight out of flannel\.1 with no gateway.*via 10\.244\.2\.0 dev flannel\.1 onlink/,
    );
  });

  it('port 4789 is seen in the capture on the router', () => {
    const {status, message} = grade('near-miss--port-4789');
    expect(status('pod-a-to-pod-b')).toBe('passed');
    expect(message('tunnel-capture')).toMatch(/inside VXLAN on UDP 4789, not 8472/);
  });

  it('MASQUERADE shows as the node address pod-b sees', () => {
    expect(grade('near-miss--masquerade').message('no-nat')).toMatch(
      /pod-b saw 10\.244\.1\.0 \(node1's flannel\.1 address\)/,
    );
  });

  it('other ways into the tunnel pass: proxy ARP, learning, a bridged cni0', () => {
    for (const c of ['alternative--remote-proxy-arp', 'alternative--learning-flood-entry', 'alternative--bridged-cni0'])
      expect(grade(c).r.verdict, c).toBe('passed');
  });
});
