/**
 * kubernetes/capstone graded from its recorded VM states: each missing layer
 * (Pod routes, the way in for DNS, the external record, SNAT, the NodePort on
 * every node) fails its own check with a message naming it, and the solution
 * and its alternatives pass. (snapshots.test.ts already checks pass/fail of
 * every case; this pins the wording docs/capstone.mdx relies on.)
 */
import {describe, expect, it} from 'vitest';
import ex from '../../exercises/kubernetes/capstone/exercise';
import {gradeRecorded} from './recorded';

const grade = (caseFile: string) => gradeRecorded(ex, caseFile);

describe('kubernetes/capstone', () => {
  it('the start state: no Pod routes, node1 refuses DNS itself, and the DNS Service has no route', () => {
    const {status, message} = grade('start');
    expect(status('ext-outside')).toBe('passed');
    expect(message('pod-to-pod')).toMatch(/node1 has no route to 10\.244\.2\.2/);
    expect(message('dns-way-in')).toMatch(/no rule that sends UDP 192\.168\.50\.11:53.*ICMP port unreachable/);
    // 10.96.0.10 is nobody's address: not a closed port but a missing route.
    expect(message('in-cluster-dns')).toMatch(/10\.96\.0\.10 is no interface's address/);
    expect(message('in-cluster-dns')).not.toMatch(/port unreachable/);
    expect(status('fetch-by-name')).toBe('skipped');
  });

  it("a DNAT from node1's port 53 to the DNS Service's ClusterIP is named as a second translation that never happens", () => {
    const {status, message} = grade('near-miss--dns-to-vip');
    expect(status('in-cluster-dns')).toBe('passed');
    expect(message('dns-way-in')).toMatch(/sends the query to 10\.96\.0\.10.*passes nat PREROUTING once/);
  });

  it('the external name given the ClusterIP: ext cannot route there', () => {
    const {status, message} = grade('near-miss--name-to-clusterip');
    expect(status('dns-way-in')).toBe('passed');
    expect(message('name-record')).toMatch(/resolves to 10\.96\.0\.20: 10\.96\.0\.20 is the ClusterIP of web/);
    expect(message('name-record')).toMatch(/Point the name at 192\.168\.50\.11 and\/or 192\.168\.50\.12/);
  });

  it('Services and DNS without Pod routes: only the Pod-to-Pod check fails, at node1', () => {
    const {status, message} = grade('near-miss--no-pod-routes');
    expect(status('dns-way-in')).toBe('passed');
    expect(status('name-record')).toBe('passed');
    expect(message('pod-to-pod')).toMatch(/node1 has no route to 10\.244\.2\.2/);
  });

  it('no masquerade: the connections handed to the other node hang, and the Pod that answered directly is named', () => {
    const {message} = grade('near-miss--no-snat');
    expect(message('cross-node-snat')).toMatch(/connections to node\d \(192\.168\.50\.1[12]:30080\) hung/);
    expect(message('cross-node-snat')).toMatch(/from 10\.244\.[12]\.2:8080/);
    // Where the node sends NodePort connections: its DNS way in (UDP 53) is not one of them.
    expect(message('fetch-by-name')).toMatch(/Where node\d sends them: .*--dport 30080/);
    expect(message('fetch-by-name')).not.toMatch(/--dport 53/);
  });

  it('rules on node1 only: the name also leads to node2, which refuses port 30080', () => {
    const {status, message} = grade('near-miss--one-node');
    expect(status('cross-node-snat')).toBe('passed');
    expect(message('fetch-by-name')).toMatch(/resolves to 192\.168\.50\.12 \(node2\).*refused/);
    expect(message('fetch-by-name')).toMatch(/node1 has them/);
  });

  it.each(['solution', 'alternative--ipvs-node1-only', 'alternative--kube-proxy-local', 'alternative--vxlan-nft'])(
    '%s passes',
    (c) => expect(grade(c).r.verdict).toBe('passed'),
  );
});
