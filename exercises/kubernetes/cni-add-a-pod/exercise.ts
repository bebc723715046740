import {inCidr, networkOf, sameAddress} from '../../../graders/addr';
import {probeOk} from '../../../graders/checks';
import {parseCniConfig, pluginError, resultAddresses} from '../../../graders/cni';
import {defineExercise, fail, pass} from '../../../graders/exercise';
import type {CniProbe} from '../../../graders/model';
import type {Query} from '../../../graders/query';

const POD = 'pod-new';
const NODE = 'node1';
const CIDR = '10.244.1.0/24';
const GW = '10.244.1.1';
const NODE2_CIDR = '10.244.2.0/24';
const PING = 'pod-to-gateway';
const RUNTIME = 'runtime';
/** The collector's throwaway sandbox: namespace and container ID. */
const SANDBOX = `netlab-cni-${RUNTIME}`;
const ADD_HINT = `ip netns exec ${NODE} env CNI_COMMAND=ADD CNI_CONTAINERID=${POD} CNI_NETNS=/var/run/netns/${POD} CNI_IFNAME=eth0 CNI_PATH=/usr/lib/cni /usr/lib/cni/bridge < <your config>`;

const runtime = (q: Query): CniProbe | null | undefined => q.probe(RUNTIME)?.cni;

/** pod-new's first IPv4 address on eth0, without prefix. */
const podAddress = (q: Query) => q.link('eth0', POD)?.addresses.find((a) => a.family === 'inet');

/** Which CIDR an address is in, said the way the learner thinks of it. */
const whose = (ip: string) =>
  inCidr(ip, NODE2_CIDR) ? `node2's Pod CIDR ${NODE2_CIDR}, not node1's ${CIDR}` : `outside node1's Pod CIDR ${CIDR}`;

export default defineExercise({
  id: 'kubernetes/cni-add-a-pod',
  title: 'Add a Pod with the CNI bridge plugin',
  libs: ['k8s'],
  probes: [
    {id: PING, kind: 'ping', from: POD, to: GW},
    {id: RUNTIME, kind: 'cni', from: NODE},
  ],
  hints: [
    'Two pieces: a network configuration in /etc/cni/net.d (bridge plugin, host-local IPAM), and one ADD call of the bridge plugin for pod-new, run inside node1.',
    'A plugin reads its parameters from CNI_* environment variables and the config from stdin, and prints a JSON result (or a JSON error).',
  ],
  checks: [
    {
      id: 'config',
      title: "The first config in /etc/cni/net.d is a bridge on cni0 with host-local IPAM for node1's 10.244.1.0/24",
      hints: [
        'A runtime reads the first *.conf, *.conflist or *.json file of /etc/cni/net.d, in name order. One JSON object with cniVersion, name, type "bridge", bridge "cni0" and an "ipam" section is enough.',
        'The ipam section: {"type": "host-local", "ranges": [[{"subnet": "10.244.1.0/24"}]], "routes": [{"dst": "0.0.0.0/0"}]}.',
      ],
      run: (q) => {
        const cni = runtime(q);
        if (!cni) {
          return fail(
            `A runtime finds no network configuration: ${q.probe(RUNTIME)?.output.trim() || 'no result'}. ` +
              'Write one (a .conf, .conflist or .json file) in /etc/cni/net.d, the directory containerd and CRI-O read.',
          );
        }
        const cfg = parseCniConfig(cni.config);
        if (typeof cfg === 'string') return fail(`${cni.configPath} is the first config, and ${cfg}.`);
        const b = cfg.bridge;
        if (!b) {
          return fail(
            `${cni.configPath} runs ${cfg.types.join(', ')}, but no bridge plugin: node1 wires its Pods to cni0 with "type": "bridge".`,
          );
        }
        if (b.name !== 'cni0') {
          return fail(
            `${cni.configPath} names the bridge "${b.name}": the plugin creates a new bridge of that name in node1 if there is none, ` +
              `and its Pods land there, away from cni0 and its 10.244.1.1. node1's Pod bridge is cni0.`,
          );
        }
        if (b.ipamType === 'static') {
          return fail(
            `${cni.configPath} uses static IPAM: the address is written in the config, so every Pod started with it gets the same one, ` +
              'and nothing records who has it. A runtime needs an IPAM plugin that hands out a free address per container: host-local.',
          );
        }
        if (b.ipamType !== 'host-local') {
          return fail(
            `${cni.configPath} has ${b.ipamType ? `IPAM type "${b.ipamType}"` : 'no ipam section'}: this lab's node allocates Pod addresses with host-local.`,
          );
        }
        const subnets = b.ranges.map((r) => r.subnet);
        if (subnets.length === 0) {
          return fail(
            `${cni.configPath}: host-local has no subnet. Give "ranges": [[{"subnet": "${CIDR}"}]] (or "subnet").`,
          );
        }
        const wrong = subnets.find((s) => {
          const [ip = '', len = ''] = s.split('/');
          return networkOf(ip, Number(len)) !== CIDR;
        });
        if (wrong !== undefined) {
          return fail(`${cni.configPath}: host-local's subnet is ${wrong}, ${whose(wrong.split('/')[0] ?? '')}.`);
        }
        return pass();
      },
    },
    {
      id: 'pod-address',
      title: 'pod-new has an eth0, up, with an address of 10.244.1.0/24 other than the gateway',
      hints: [
        'The runtime passes CNI_IFNAME=eth0 and CNI_NETNS=/var/run/netns/pod-new; the bridge plugin creates eth0 there and gives it the address host-local hands out.',
        `One ADD does it: \`${ADD_HINT}\``,
      ],
      run: (q) => {
        const eth0 = q.link('eth0', POD);
        if (!eth0) {
          const others = (q.ns(POD)?.links ?? []).filter((l) => l.name !== 'lo').map((l) => l.name);
          return fail(
            others.length
              ? `pod-new has no eth0, but ${others.join(', ')}: a runtime asks for CNI_IFNAME=eth0.`
              : 'pod-new has only lo: no ADD has wired it yet (or it failed: read the JSON error the plugin printed).',
          );
        }
        const a = podAddress(q);
        if (!a) {
          return fail(
            "pod-new's eth0 has no IPv4 address. A failed ADD can leave the interface behind without one: read the plugin's error, " +
              'run DEL with the same parameters (a runtime does that after a failed ADD), then ADD again.',
          );
        }
        const at = `${a.local}/${a.prefixlen}`;
        if (inCidr(a.local, CIDR) !== true) return fail(`pod-new's eth0 has ${at}, ${whose(a.local)}.`);
        if (sameAddress(a.local, GW)) {
          return fail(`pod-new's eth0 has ${at}, cni0's own address in node1: the Pods' gateway cannot be a Pod too.`);
        }
        if (a.local === '10.244.1.0' || a.local === '10.244.1.255') {
          return fail(`pod-new's eth0 has ${at}, the network or broadcast address of ${CIDR}.`);
        }
        if (a.prefixlen !== 24) return fail(`pod-new's eth0 has ${at}: a Pod's prefix is its node's Pod CIDR's, /24.`);
        if (!eth0.up) return fail(`pod-new's eth0 has ${at} but is down.`);
        return pass();
      },
    },
    {
      id: 'pod-route',
      title: 'pod-new has a default route via 10.244.1.1',
      dependsOn: ['pod-address'],
      hints: [
        "The bridge plugin installs the routes of the IPAM result. host-local returns those of its config's routes list, with the range's gateway (.1 unless you set one) where a route has no gw.",
        'Add "routes": [{"dst": "0.0.0.0/0"}] to the ipam section (or "isDefaultGateway": true to the bridge plugin), DEL, then ADD again.',
      ],
      run: (q) => {
        const r = q.defaultRoute(POD);
        if (!r) {
          return fail(
            'pod-new has no default route: it reaches its /24 on-link, nothing else. The IPAM result had no route to 0.0.0.0/0: ' +
              'host-local returns the routes of its config, and yours has none.',
          );
        }
        if (r.gateway !== GW) {
          return fail(
            `pod-new's default route goes ${r.gateway ? `via ${r.gateway}` : `straight out of ${r.dev ?? '?'}`}; the node's bridge cni0 is ${GW}.`,
          );
        }
        return pass();
      },
    },
    {
      id: 'veth-on-cni0',
      title: "pod-new's eth0 is a veth whose other end is a port of node1's cni0",
      hints: [
        'The bridge plugin creates the veth in the namespace it runs in, moves one end into CNI_NETNS and attaches the other to the bridge it finds (or creates) there. Kubelet and the runtime run in the node.',
        'Run the plugin with `ip netns exec node1 ...`; if a wrong attempt left an eth0 in pod-new, DEL it first with the same parameters.',
      ],
      run: (q) => {
        const eth0 = q.link('eth0', POD);
        if (!eth0) return fail('pod-new has no eth0 yet.');
        if (eth0.kind !== 'veth')
          return fail(`pod-new's eth0 is ${eth0.kind ? `a ${eth0.kind} device` : 'not a veth'}.`);
        const peer = q.vethPeer('eth0', POD);
        if (!peer) return fail("The other end of pod-new's eth0 cannot be found.");
        const {name, master} = peer.link;
        if (peer.ns === null) {
          return fail(
            `The other end of pod-new's eth0, ${name}, is in the root namespace${master ? ` on a bridge ${master} there` : ''}: ` +
              "the plugin ran in the root namespace, so it created (or used) a bridge of that name there, not node1's cni0. Run it with `ip netns exec node1`.",
          );
        }
        if (peer.ns !== NODE)
          return fail(`The other end of pod-new's eth0, ${name}, is in namespace ${peer.ns}, not in node1.`);
        if (master !== 'cni0') {
          return fail(
            `The other end of pod-new's eth0, ${name} in node1, is ${master ? `a port of ${master}` : 'on no bridge'}, not of cni0.`,
          );
        }
        return pass();
      },
    },
    {
      id: 'pod-reach',
      title: 'pod-new reaches its gateway 10.244.1.1',
      dependsOn: ['pod-address', 'pod-route', 'veth-on-cni0'],
      hints: [
        "`ip netns exec pod-new ping -c1 10.244.1.1`; `bridge -n node1 link` shows whether the Pod's veth is forwarding.",
      ],
      run: (q) =>
        probeOk(q, PING)
          ? pass()
          : fail(
              `A ping from pod-new to ${GW} got no answer. Check that both ends of the veth are up: \`ip -n node1 -br link\`.`,
            ),
    },
    {
      id: 'allocation',
      title: "host-local recorded pod-new's address",
      dependsOn: ['config', 'pod-address'],
      hints: [
        'host-local writes one file per address it hands out, in /var/lib/cni/networks/<network name>/ (or its dataDir), holding the container ID and the interface name.',
        'An address set by hand, or handed out under another network name or dataDir, is not there: DEL what you did, then ADD with the config in /etc/cni/net.d.',
      ],
      run: (q) => {
        const cni = runtime(q);
        const a = podAddress(q);
        if (!cni?.dataDir || !a)
          return fail("The config has no host-local IPAM, so nothing records pod-new's address.");
        const rec = cni.before.find((x) => sameAddress(x.ip, a.local));
        if (rec) return pass();
        const held = cni.before.map((x) => `${x.ip} (${x.containerId || '?'})`).join(', ');
        return fail(
          `host-local has no record of ${a.local} in ${cni.dataDir}/ (${held ? `it holds ${held}` : 'it is empty'}): pod-new's address did not come ` +
            "from this config's IPAM. Set by hand, or under another network name or dataDir, it will be handed out again to the next Pod.",
        );
      },
    },
    {
      id: 'runtime-add',
      title: 'A runtime ADD with this config gives a new Pod another address of 10.244.1.0/24, recorded by host-local',
      hints: [
        "The grader does what containerd would for a second Pod: it creates a sandbox namespace and runs your config's ADD for it, in node1.",
        'A range needs room for more than one Pod: leave rangeStart/rangeEnd out, or make them span several addresses.',
      ],
      run: (q) => {
        const cni = runtime(q);
        if (!cni) return fail('With no config in /etc/cni/net.d a runtime cannot start any Pod.');
        if (cni.add.exitCode !== 0) {
          const err = pluginError(cni.add.output);
          const full = /no IP addresses available/.test(err);
          const held = cni.before.map((x) => x.ip).join(', ');
          return fail(
            `The ADD for a second Pod (container ID ${SANDBOX}) with ${cni.configPath} failed: ${err}.` +
              (full
                ? ` The range is used up${held ? ` by ${held}` : ''}: it must hold an address for every Pod of the node.`
                : ''),
          );
        }
        const got = resultAddresses(cni.add.output)[0];
        if (!got)
          return fail(
            `The ADD for a second Pod succeeded but its result gives no IPv4 address: ${cni.add.output.slice(0, 200)}`,
          );
        if (inCidr(got, CIDR) !== true) return fail(`The second Pod got ${got}, ${whose(got)}.`);
        const mine = podAddress(q);
        if (mine && sameAddress(mine.local, got)) {
          return fail(
            `The second Pod got ${got}, pod-new's own address: ` +
              (cni.dataDir
                ? 'host-local has no record that pod-new holds it.'
                : 'without host-local, every Pod gets the address written in the config.'),
          );
        }
        if (!cni.dataDir)
          return fail(`The second Pod got ${got}, but no host-local records it: the next Pod would get it too.`);
        if (!cni.afterAdd.some((x) => sameAddress(x.ip, got))) {
          return fail(`The second Pod got ${got}, but ${cni.dataDir}/ has no record of it.`);
        }
        return pass();
      },
    },
    {
      id: 'runtime-del',
      title: "A runtime DEL releases the second Pod's address",
      dependsOn: ['runtime-add'],
      hints: [
        "DEL with the same config, container ID and interface name removes the Pod's interface and host-local's file for its address.",
      ],
      run: (q) => {
        const cni = runtime(q);
        if (!cni) return fail('No config.');
        if (cni.del.exitCode !== 0) return fail(`The DEL for the second Pod failed: ${pluginError(cni.del.output)}.`);
        const got = resultAddresses(cni.add.output)[0] ?? '';
        const left = cni.afterDel.find((x) => sameAddress(x.ip, got));
        if (left) return fail(`After DEL, ${cni.dataDir ?? ''}/${got} is still there: the address leaks.`);
        return pass();
      },
    },
  ],
});
