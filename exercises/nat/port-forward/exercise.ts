import {destNatRules, type DnatRule} from '../../../graders/dnat';
import {diagnoseFlow, explain, type Diagnosis} from '../../../graders/diagnose';
import {defineExercise, fail, pass} from '../../../graders/exercise';
import {dnatRuleCheck, fetchCheck, type PortForward} from '../../../graders/portforward';
import type {Query} from '../../../graders/query';

const SERVER = '192.168.10.2';
const PORT = 80;
const CLIENT = '203.0.113.2';
const PUBLIC = '203.0.113.1';
const PUBLIC_PORT = 8080;
const PROBE = 'wan-fetch';

/** The root-side interfaces, found by their addresses so renamed links still work. */
const ifaces = (q: Query) => ({
  lan: q.findAddress('192.168.10.1')?.link.name ?? 'veth-lan',
  wan: q.findAddress(PUBLIC)?.link.name ?? 'veth-wan',
});

/** After DNAT the router forwards wan's packets to the server: the same checks as any routed flow. */
const diagnose = (q: Query): Diagnosis[] =>
  diagnoseFlow(q.state, {client: CLIENT, server: SERVER, iif: ifaces(q).wan, clientName: 'wan', serverName: 'lan'});

/** DNAT rules judged against wan's packet as it arrives, before any translation. */
const rules = (q: Query): DnatRule[] => {
  const root = q.ns(undefined);
  const {lan, wan} = ifaces(q);
  return root ? destNatRules(root, {src: CLIENT, dst: PUBLIC, iif: wan, oif: lan}) : [];
};

/** wan → 203.0.113.1:8080, translated to the web server in lan. */
const forward = (q: Query): PortForward => ({
  clientName: 'wan',
  client: CLIENT,
  public: PUBLIC,
  publicPort: PUBLIC_PORT,
  serverName: 'lan',
  server: SERVER,
  port: PORT,
  translator: 'the router',
  inIface: ifaces(q).wan,
  probe: PROBE,
  rules: rules(q),
  blockers: diagnose(q),
});

export default defineExercise({
  id: 'nat/port-forward',
  title: 'Forward a port to a server behind NAT',
  probes: [{id: PROBE, kind: 'tcp', from: 'wan', to: PUBLIC, port: PUBLIC_PORT}],
  hints: [
    'The router has to rewrite the destination of connections that arrive for 203.0.113.1:8080, and then route them to lan.',
    'Destination NAT happens before the routing decision, in the PREROUTING hook of the nat table.',
  ],
  checks: [
    {
      id: 'forwarding',
      title: 'The root namespace forwards IPv4 packets',
      hints: [
        'Once its destination is 192.168.10.2, a packet from wan is no longer for the router: it has to be routed to lan.',
        '`sysctl -w net.ipv4.ip_forward=1`',
      ],
      run: (q) => {
        const off = diagnose(q).filter((d) => d.cause === 'forwarding');
        if (off.length === 0) return pass();
        return fail(
          `${explain(off)} After DNAT, wan's connection to ${PUBLIC}:${PUBLIC_PORT} is addressed to ${SERVER} and has to be forwarded to lan.`,
        );
      },
    },
    {
      id: 'dnat-rule',
      title: 'Connections from wan to 203.0.113.1:8080 are sent on to 192.168.10.2:80',
      dependsOn: ['forwarding'],
      hints: [
        "Use iptables' nat table, chain PREROUTING, target DNAT, or an nftables chain of type nat on the prerouting hook with `dnat to`.",
        '`iptables -t nat -A PREROUTING -p tcp -d 203.0.113.1 --dport 8080 -j DNAT --to-destination ...` (where does the server listen?)',
      ],
      run: (q) => dnatRuleCheck(q, forward(q)),
    },
    {
      id: 'forward-filter',
      title: 'Nothing in the router drops the forwarded connection',
      dependsOn: ['forwarding'],
      hints: [
        'A DNATed packet still crosses the FORWARD hook, with its new destination, in both directions.',
        '`iptables -L FORWARD -v -n` and `nft list ruleset` show the policies and rules; accept traffic to 192.168.10.2 port 80 and its replies.',
      ],
      run: (q) => {
        const found = diagnose(q).filter((d) => d.cause !== 'forwarding');
        if (found.length === 0) return pass();
        return fail(
          `${explain(found)} (After DNAT, FORWARD sees ${CLIENT} → ${SERVER}:${PORT}, not ${PUBLIC}:${PUBLIC_PORT}.)`,
        );
      },
    },
    {
      id: 'fetch',
      title: 'A client in wan reaches the web server at 203.0.113.1:8080',
      dependsOn: ['forwarding'],
      hints: ['`ip netns exec wan curl -m 3 http://203.0.113.1:8080/` should print "hello from lan".'],
      run: (q) => fetchCheck(q, forward(q)),
    },
  ],
});
