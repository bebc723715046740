/** routerUnchanged against the recorded start of kubernetes/vxlan-overlay, changed one way at a time. */
import {describe, expect, it} from 'vitest';
import type {NetState, NsState} from '../model';
import {Query} from '../query';
import {routerUnchanged} from '../router';
import {recordedState} from './recorded';

const check = routerUnchanged({
  ns: 'router',
  addresses: {eth0: '192.168.50.1/24', eth1: '192.168.60.1/24'},
  forbidden: {cidr: '10.244.0.0/16', why: 'Not yours.'},
});

/** The start state with the router changed by `edit`. */
function run(edit: (router: NsState) => void) {
  const state: NetState = structuredClone(recordedState('kubernetes/vxlan-overlay', 'start'));
  const router = state.namespaces.find((n) => n.name === 'router');
  if (!router) throw new Error('no router in the recording');
  edit(router);
  const r = check(new Query(state));
  return r.ok ? 'pass' : r.message;
}

const route = (dst: string, gateway?: string) => ({
  type: 'unicast',
  dst,
  gateway,
  table: 'main',
  family: 'inet' as const,
  flags: [],
});

describe('routerUnchanged', () => {
  it('passes the start state', () => {
    expect(run(() => undefined)).toBe('pass');
  });

  it('names a route that covers the Pod CIDRs, a default route included', () => {
    expect(run((r) => r.routes.push(route('10.244.2.0/24', '192.168.60.12')))).toMatch(
      /routes toward 10\.244\.0\.0\/16 \(10\.244\.2\.0\/24 via 192\.168\.60\.12\)/,
    );
    expect(run((r) => r.routes.push(route('default', '192.168.50.11')))).toMatch(/routes toward 10\.244\.0\.0\/16/);
  });

  it('names other routes, addresses, forwarding and nft rules', () => {
    expect(run((r) => r.routes.push(route('198.51.100.0/24', '192.168.50.11')))).toMatch(/a new route 198\.51\.100/);
    expect(
      run((r) =>
        r.links.find((l) => l.name === 'eth0')?.addresses.push({family: 'inet', local: '10.0.0.1', prefixlen: 8}),
      ),
    ).toMatch(/a new address 10\.0\.0\.1\/8 on eth0/);
    expect(run((r) => (r.sysctls['net.ipv4.ip_forward'] = '0'))).toMatch(/forwarding is off/);
    expect(
      run((r) => {
        r.nft = {
          tables: [{family: 'ip', name: 'nat'}],
          chains: [],
          rules: [{family: 'ip', table: 'nat', chain: 'post', expr: []}],
        };
      }),
    ).toMatch(/1 nft rule in nat/);
  });
});
