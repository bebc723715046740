/**
 * containers/publish-a-port graded from its recorded VM states: each mistake
 * fails for its real reason, and the message says which direction breaks.
 * (snapshots.test.ts already checks pass/fail of every case; this pins the wording
 * the lesson's "Break it on purpose" section relies on.)
 */
import {describe, expect, it} from 'vitest';
import ex from '../../exercises/containers/publish-a-port/exercise';
import {gradeRecorded} from './recorded';

const grade = (caseFile: string) => gradeRecorded(ex, caseFile);

describe('containers/publish-a-port', () => {
  it('the start state names forwarding and skips what depends on it', () => {
    const {status, message} = grade('start');
    expect(status('outside-unchanged')).toBe('passed');
    expect(message('forwarding')).toMatch(/Forwarding is off on veth-outside/);
    expect(status('fetch')).toBe('skipped');
  });

  it('without MASQUERADE the published port works but web cannot get out', () => {
    const {status, message} = grade('near-miss--no-masquerade');
    expect(status('fetch')).toBe('passed');
    expect(message('masquerade')).toMatch(/outside sees web's packets coming from 172\.17\.0\.2/);
    expect(message('web-out')).toMatch(/untranslated as 172\.17\.0\.2/);
  });

  it('a DNAT to the published port, or on OUTPUT, is named as such', () => {
    expect(grade('near-miss--wrong-port').message('dnat-rule')).toMatch(
      /172\.17\.0\.2:8080.*8080 is the published port/,
    );
    expect(grade('near-miss--output-chain').message('dnat-rule')).toMatch(/OUTPUT hook/);
  });

  it("FORWARD policy DROP is reported for both flows, after DNAT's rewrite", () => {
    const {status, message} = grade('near-miss--forward-policy-drop');
    // The DNAT rule is right: it waits for the filter instead of being blamed for its drops.
    expect(status('dnat-rule')).toBe('skipped');
    expect(message('forward-filter')).toMatch(/drops outside's packets \(veth-outside to docker0\)/);
    expect(message('forward-filter')).toMatch(/drops web's packets \(docker0 to veth-outside\)/);
  });

  it("Docker's own chains pass: the user chain and addrtype match are left to the live probe", () => {
    expect(grade('alternative--docker-chains').r.verdict).toBe('passed');
  });
});
