/**
 * kubernetes/nodeport graded from its recorded VM states (graders/nodeport.ts):
 * each mistake fails for its real reason and the message names it.
 * (snapshots.test.ts already checks pass/fail of every case; this pins the
 * wording the lesson's "Break it on purpose" section relies on.)
 */
import {describe, expect, it} from 'vitest';
import ex from '../../exercises/kubernetes/nodeport/exercise';
import {gradeRecorded} from './recorded';

const grade = (caseFile: string) => gradeRecorded(ex, caseFile);

describe('kubernetes/nodeport', () => {
  it('the start state: both nodes refuse 30080 themselves', () => {
    const {status, message} = grade('start');
    expect(status('ext-outside')).toBe('passed');
    expect(message('node1-fetch')).toMatch(/8 of 8 .*refused.*no DNAT rule or IPVS service/);
    expect(message('node2-fetch')).toMatch(/refused/);
  });

  it('without masquerade, the connections handed to the other node hang, and the message says why', () => {
    const {message} = grade('near-miss--no-masquerade');
    expect(message('cross-node-snat')).toMatch(/node1 sends some to pod-b \(10\.244\.2\.2\) on node2/);
    expect(message('cross-node-snat')).toMatch(/from 10\.244\.2\.2:8080/);
  });

  it('rules on node1 only: node2 refuses, and the message points at node1', () => {
    const {status, message} = grade('near-miss--one-node');
    expect(status('node1-fetch')).toBe('passed');
    expect(status('cross-node-snat')).toBe('passed');
    expect(message('node2-fetch')).toMatch(/node1 has them.*every node/);
  });

  it('port 80 and OUTPUT-only rules are named', () => {
    expect(grade('near-miss--wrong-port').message('node1-fetch')).toMatch(/10\.244\.1\.2:80.*listen on port 8080/);
    expect(grade('near-miss--output-only').message('node1-fetch')).toMatch(/OUTPUT hook/);
  });

  it.each([
    'solution',
    'alternative--local-policy',
    'alternative--kube-proxy-chains',
    'alternative--nft-numgen',
    'alternative--ipvs',
  ])('%s passes', (c) => expect(grade(c).r.verdict).toBe('passed'));
});
