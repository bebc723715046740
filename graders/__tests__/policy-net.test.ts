/**
 * kubernetes/network-policy graded from its recorded VM states
 * (graders/policy-net.ts): each mistake fails for its real reason and the
 * message names it, and every enforcement point that is right passes.
 */
import {describe, expect, it} from 'vitest';
import ex from '../../exercises/kubernetes/network-policy/exercise';
import {gradeRecorded} from './recorded';

const grade = (caseFile: string) => gradeRecorded(ex, caseFile);

describe('kubernetes/network-policy', () => {
  it('the start state lets everyone in', () => {
    const {status, message} = grade('start');
    expect(status('a-allowed')).toBe('passed');
    expect(status('b-outgoing')).toBe('passed');
    expect(message('c-denied')).toMatch(/pod-c still gets pod-b's page/);
    expect(message('node1-denied')).toMatch(/node1 still gets/);
  });

  it('without a conntrack rule, pod-b cannot get replies', () => {
    const {status, message} = grade('near-miss--no-conntrack');
    expect(status('a-allowed')).toBe('passed');
    expect(message('b-outgoing')).toMatch(/ESTABLISHED,RELATED/);
  });

  it("allowing node1's address is named", () => {
    expect(grade('near-miss--node-address').message('a-allowed')).toMatch(/192\.168\.50\.11, node1's address/);
  });

  it('rules on node1 leave node1 itself in', () => {
    const {status, message} = grade('near-miss--on-node1');
    expect(status('c-denied')).toBe('passed');
    expect(message('node1-denied')).toMatch(/node2 or pod-b itself/);
  });

  it('the wrong port drops pod-a', () => {
    expect(grade('near-miss--wrong-port').message('a-allowed')).toMatch(/no answer.*TCP 8080/);
  });

  it.each(['solution', 'alternative--nft-in-pod', 'alternative--nft-set-node2', 'alternative--iptables-in-pod'])(
    '%s passes',
    (c) => expect(grade(c).r.verdict).toBe('passed'),
  );
});
