import {bridgeIsUp, probeOk} from '../../../graders/checks';
import {diagnoseFlow, explain} from '../../../graders/diagnose';
import {defineExercise, fail, pass, type CheckFn} from '../../../graders/exercise';

const GW = '10.0.1.1';
const HOSTS: Record<string, string> = {app: '10.0.1.10', db: '10.0.1.20'};

/**
 * A ping from `ns` to `dst` (an address of the root namespace) must succeed;
 * when it does not, say what in the root namespace stops the reply or the
 * request (graders/diagnose.ts), not only that it failed.
 */
const reaches =
  (probeId: string, ns: string, dst: string): CheckFn =>
  (q) => {
    if (probeOk(q, probeId)) return pass();
    const why = explain(
      diagnoseFlow(q.state, {
        client: HOSTS[ns],
        server: dst,
        iif: 'br0',
        clientName: ns,
        serverName: 'the root namespace',
      }),
    );
    return fail(`A ping from ${ns} to ${dst} got no answer.${why ? ` ${why}` : ''}`);
  };

const defaultRouteVia =
  (ns: string): CheckFn =>
  (q) => {
    const r = q.defaultRoute(ns);
    if (!r) {
      const routes = (q.ns(ns)?.routes ?? []).filter((x) => x.table === 'main').map((x) => x.dst);
      return fail(`${ns} has no default route; its routing table only knows ${routes.join(', ') || 'nothing'}.`);
    }
    if (r.gateway !== GW) {
      return fail(
        `${ns}'s default route goes ${r.gateway ? `via ${r.gateway}` : `straight out of ${r.dev}`}; it should go via ${GW}, the address on br0.`,
      );
    }
    return pass();
  };

export default defineExercise({
  id: 'bridges/gateway-on-bridge',
  title: 'The bridge as a gateway',
  probes: [
    {id: 'app-to-gateway', kind: 'ping', from: 'app', to: GW},
    {id: 'app-to-service', kind: 'ping', from: 'app', to: '172.16.0.1'},
    {id: 'db-to-service', kind: 'ping', from: 'db', to: '172.16.0.1'},
  ],
  hints: [
    'A bridge is a switch, but br0 is also an interface of the root namespace, so it can carry an IP address.',
    'Each namespace needs a route that sends everything outside 10.0.1.0/24 to that address.',
  ],
  checks: [
    {
      id: 'gateway-address',
      title: 'br0 has the gateway address 10.0.1.1/24',
      hints: ['Addresses go on the bridge itself, not on its ports.', '`ip addr add 10.0.1.1/24 dev br0`'],
      run: (q) => {
        const found = q.findAddress(GW);
        if (!found) return fail(`${GW} is not configured anywhere in the root namespace.`);
        if (found.link.name !== 'br0') {
          const port = q.bridgeOf(found.link.name);
          return fail(
            port
              ? `${GW} is on ${found.link.name}, which is a port of ${port.name}. Frames that arrive on a port are handed to the bridge: br0 still answers ARP for the address, but the root namespace sends its replies through ${found.link.name} and must first resolve the host's MAC there; the ARP answers arrive on a port, so they go to the bridge, the neighbour entry stays INCOMPLETE and no reply leaves. Put it on br0.`
              : `${GW} is on ${found.link.name}; it has to be on br0, the interface app and db are connected to.`,
          );
        }
        if (found.address.prefixlen !== 24) {
          return fail(
            `${GW} is on br0 with prefix /${found.address.prefixlen}; expected /24, or the root namespace has no route back to 10.0.1.0/24.`,
          );
        }
        return pass();
      },
    },
    {
      id: 'bridge-up',
      title: 'br0 is up',
      hints: ['`ip link set br0 up`'],
      run: bridgeIsUp('br0'),
    },
    {
      id: 'app-default-route',
      title: "app's default route goes via 10.0.1.1",
      hints: ['`ip -n app route add default via 10.0.1.1`'],
      run: defaultRouteVia('app'),
    },
    {
      id: 'db-default-route',
      title: "db's default route goes via 10.0.1.1",
      hints: ['Same as for app, inside db: `ip -n db route add default via 10.0.1.1`'],
      run: defaultRouteVia('db'),
    },
    {
      id: 'app-reaches-gateway',
      title: 'app can ping its gateway 10.0.1.1',
      dependsOn: ['gateway-address', 'bridge-up'],
      hints: ['`ip netns exec app ping -c 1 10.0.1.1`; check that br0 and its ports are up with `ip -br link`.'],
      run: reaches('app-to-gateway', 'app', GW),
    },
    {
      id: 'app-reaches-root',
      title: 'app can reach 172.16.0.1 in the root namespace',
      dependsOn: ['app-default-route', 'app-reaches-gateway'],
      hints: [
        '`ip netns exec app ping -c 1 172.16.0.1`, then `ip -n app route get 172.16.0.1` shows which way the packet goes.',
      ],
      run: reaches('app-to-service', 'app', '172.16.0.1'),
    },
    {
      id: 'db-reaches-root',
      title: 'db can reach 172.16.0.1 in the root namespace',
      dependsOn: ['db-default-route', 'gateway-address'],
      hints: ['`ip netns exec db ping -c 1 172.16.0.1`'],
      run: reaches('db-to-service', 'db', '172.16.0.1'),
    },
  ],
});
