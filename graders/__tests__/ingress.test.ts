/**
 * kubernetes/ingress graded from its recorded VM states (graders/ingress.ts):
 * each mistake fails for its real reason and the message names it.
 * (snapshots.test.ts already checks pass/fail of every case; this pins the
 * wording the lesson's "Break it on purpose" section relies on.)
 */
import {describe, expect, it} from 'vitest';
import ex from '../../exercises/kubernetes/ingress/exercise';
import {nginxTargets} from '../ingress';
import {gradeRecorded} from './recorded';

const grade = (caseFile: string) => gradeRecorded(ex, caseFile);

describe('nginxTargets', () => {
  it('reads proxy_pass URLs and upstream servers, port 80 when none is given', () => {
    const conf = [
      'upstream web { server 10.244.1.2:8080; server 10.244.2.2:8080 weight=2; }',
      'upstream api {',
      '    server 10.244.2.3;',
      '}',
      '# proxy_pass http://10.0.0.1:9;',
      'server { listen 80; server_name api.lab.example; location / { proxy_pass http://10.96.0.30; } }',
      'server { listen 80; location / { proxy_pass http://web; } }',
    ].join('\n');
    expect(nginxTargets(conf)).toEqual([
      {ip: '10.244.1.2', port: 8080},
      {ip: '10.244.2.2', port: 8080},
      {ip: '10.244.2.3', port: 80},
      {ip: '10.96.0.30', port: 80},
    ]);
  });
});

describe('kubernetes/ingress', () => {
  it('the start state: nothing runs in the ingress Pod', () => {
    const {status, message} = grade('start');
    expect(status('ext-outside')).toBe('passed');
    expect(message('controller')).toMatch(/refused: nothing runs in the Pod.*ip netns exec ingress nginx/);
    expect(status('way-in')).toBe('skipped');
  });

  it('nginx started in the root namespace or on the loopback is named', () => {
    expect(grade('near-miss--nginx-in-root').message('controller')).toMatch(
      /nginx runs in the root namespace, not in the ingress Pod/,
    );
    expect(grade('near-miss--loopback-only').message('controller')).toMatch(/127\.0\.0\.1:80 only.*loopback/);
  });

  it('without the DNAT, node1 refuses ext itself while the Pod answers node1', () => {
    const {status, message} = grade('near-miss--no-dnat');
    expect(status('controller')).toBe('passed');
    expect(message('way-in')).toMatch(/node1 answered them itself.*DNAT in node1's PREROUTING/);
  });

  it('a Host routed to the wrong Service, one endpoint, and the wrong port are told apart', () => {
    const noName = grade('near-miss--no-server-name');
    expect(noName.status('web-host')).toBe('passed');
    expect(noName.message('api-host')).toMatch(/got pod-a's page.*Service web.*server_name/);
    const one = grade('near-miss--one-endpoint');
    expect(one.message('web-host')).toMatch(/pod-b never answered.*10\.244\.1\.2:8080 only/);
    expect(one.status('api-host')).toBe('passed');
    expect(grade('near-miss--api-port-80').message('api-host')).toMatch(
      /502 Bad Gateway.*10\.244\.2\.3:80, but Pod api listens on 8080/,
    );
  });

  it.each(['solution', 'alternative--map-services', 'alternative--hostport-chains'])('%s passes', (c) =>
    expect(grade(c).r.verdict).toBe('passed'),
  );
});
