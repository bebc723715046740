import {DHCP_PROCESSES, dhcpClientsIn, ipv4Of, leaseProblem, serverProblem} from '../../../graders/dhcp';
import {fileText, parseResolvConf, probeResultOf} from '../../../graders/dns';
import {defineExercise, fail, pass} from '../../../graders/exercise';
import type {Query} from '../../../graders/query';

const SERVER_NS = 'dhcp';
const SERVER_ADDR = '192.168.10.2';
const ROUTER = '192.168.10.1';
const DNS = '192.168.10.53';
const OUTSIDE = '203.0.113.1';
const POOL = {first: '192.168.10.100', last: '192.168.10.199'};
const PRINTER = {addr: '192.168.10.50'};
const CLIENTS = ['client1', 'client2', 'printer'] as const;
const conf = (c: string) => `/etc/netns/${c}/resolv.conf`;

/** The first problem of the clients that have an address; clients without one are another check's business. */
function firstProblem(q: Query, each: (c: string) => string | undefined): string | undefined {
  const leased = CLIENTS.filter((c) => ipv4Of(q, c)?.address);
  if (leased.length === 0) return 'No client has an address yet: run a DHCP client in client1, client2 and printer.';
  for (const c of leased) {
    const p = each(c);
    if (p) return p;
  }
  const waiting = CLIENTS.filter((c) => !leased.includes(c));
  return waiting.length ? `Right for ${leased.join(', ')}; ${waiting.join(' and ')} have no address yet.` : undefined;
}

function routerProblem(q: Query, c: string): string | undefined {
  const route = q.defaultRoute(c);
  if (!route?.gateway) {
    return `${c} has no default route: its lease carried no router option (option 3), so it knows no way off 192.168.10.0/24.`;
  }
  if (route.gateway !== ROUTER) {
    const self =
      route.gateway === SERVER_ADDR
        ? ` That is the DHCP server itself: dnsmasq offers its own address as the router unless --dhcp-option=option:router,${ROUTER} says otherwise.`
        : '';
    return `${c}'s default route goes via ${route.gateway}, not the router ${ROUTER}.${self}`;
  }
  if (!probeResultOf(q, `out-${c}`).ok) {
    return `${c}'s default route is via ${ROUTER}, yet ${OUTSIDE} (the router's far side) does not answer ${c}'s ping.`;
  }
  return undefined;
}

function dnsProblem(q: Query, c: string): string | undefined {
  const own = fileText(q, conf(c));
  if (own === undefined) {
    const clients = dhcpClientsIn(q, c).map((p) => p.comm);
    const by = clients.length ? clients[0] : 'the DHCP client';
    return (
      `There is no ${conf(c)}, so ${by} in ${c} wrote the DNS server into the root namespace's /etc/resolv.conf: ` +
      `\`ip netns exec\` mounts a namespace's own resolv.conf over /etc/resolv.conf only when that file exists. ` +
      `Create ${conf(c)} (empty is fine) and renew the lease.`
    );
  }
  const servers = parseResolvConf(own).nameservers;
  if (!servers.includes(DNS)) {
    if (servers.length === 0) return `${conf(c)} names no DNS server: the lease carried no DNS option (option 6).`;
    const self =
      servers[0] === SERVER_ADDR
        ? ' dnsmasq offers its own address as the DNS server unless --dhcp-option=option:dns-server says otherwise, and it answers no queries there.'
        : '';
    return `${conf(c)} names ${servers.join(', ')}, not the lab's DNS server ${DNS}.${self}`;
  }
  const p = probeResultOf(q, `name-${c}`);
  if (!p.ok || !(p.answers ?? []).includes(ROUTER)) {
    return `${conf(c)} names ${DNS}, yet ${c} cannot resolve router.lab.example (getent exited ${p.exitCode}).`;
  }
  return undefined;
}

export default defineExercise({
  id: 'dhcp/serve-a-subnet',
  title: 'Serve a subnet with DHCP',
  probes: CLIENTS.flatMap((c) => [
    {id: `out-${c}`, kind: 'ping' as const, from: c, to: OUTSIDE},
    {id: `name-${c}`, kind: 'resolve' as const, from: c, name: 'router.lab.example'},
  ]),
  deepNamespaces: [SERVER_NS],
  processes: DHCP_PROCESSES,
  files: ['/etc/resolv.conf', ...CLIENTS.map(conf)],
  hints: [
    'Two halves: a server in dhcp that knows the pool, the options and the reservation; a DHCP client in each client namespace.',
    'dnsmasq is a DHCP server too: --dhcp-range turns it on, --port=0 turns its DNS off.',
  ],
  checks: [
    {
      id: 'server',
      title: 'A DHCP server runs in dhcp',
      hints: [
        '`ip netns exec dhcp ss -lnup` shows whether anything listens on UDP port 67 in dhcp.',
        '`ip netns exec dhcp dnsmasq --port=0 --interface=eth0 --bind-interfaces --dhcp-range=…` starts one.',
      ],
      run: (q) => {
        const p = serverProblem(q, SERVER_NS);
        return p ? fail(p) : pass();
      },
    },
    {
      id: 'printer',
      title: 'printer leases its reserved address 192.168.10.50',
      dependsOn: ['server'],
      hints: [
        "A reservation ties an address to a client's MAC: dnsmasq's --dhcp-host=<mac>,<address>.",
        'A client keeps the address it already holds; `dhclient -r eth0` releases it, and then it asks again.',
      ],
      run: (q) => {
        const p = leaseProblem(q, 'printer', SERVER_NS, PRINTER);
        return p ? fail(p) : pass();
      },
    },
    {
      id: 'clients',
      title: 'client1 and client2 lease addresses from the pool 192.168.10.100-199',
      dependsOn: ['server'],
      hints: ['`ip -n client1 addr show eth0` shows the address and, for a lease, how long it stays valid.'],
      run: (q) => {
        for (const c of ['client1', 'client2']) {
          const p = leaseProblem(q, c, SERVER_NS, POOL);
          if (p) return fail(p);
        }
        return pass();
      },
    },
    {
      id: 'router',
      title: 'The leases name 192.168.10.1 as the router',
      dependsOn: ['server'],
      hints: ['The router is DHCP option 3: --dhcp-option=option:router,192.168.10.1.'],
      run: (q) => {
        const p = firstProblem(q, (c) => routerProblem(q, c));
        return p ? fail(p) : pass();
      },
    },
    {
      id: 'dns',
      title: "The leases name 192.168.10.53 as the DNS server, in each client's own resolv.conf",
      dependsOn: ['server'],
      hints: [
        'The DNS server is DHCP option 6: --dhcp-option=option:dns-server,192.168.10.53.',
        'dhclient and udhcpc write /etc/resolv.conf; under `ip netns exec client1` that is /etc/netns/client1/resolv.conf, if it exists.',
      ],
      run: (q) => {
        const root = fileText(q, '/etc/resolv.conf') ?? '';
        const stray = parseResolvConf(root).nameservers;
        if (stray.length > 0) {
          return fail(
            `The root namespace's /etc/resolv.conf now names ${stray.join(', ')}: a DHCP client ran in a namespace without its own ` +
              `/etc/netns/<name>/resolv.conf and wrote the root's file. Put the root's file back (remove the nameserver line), ` +
              `create the client's file and renew its lease.`,
          );
        }
        const p = firstProblem(q, (c) => dnsProblem(q, c));
        return p ? fail(p) : pass();
      },
    },
  ],
});
