import { probeOk } from "../../../graders/checks";
import { defineExercise, fail, pass } from "../../../graders/exercise";
import type { Query } from "../../../graders/query";

const LAN_HOST = "192.168.10.2";
const WAN_HOST = "203.0.113.2";
const ROUTER_WAN = "203.0.113.1";

/** The root-side interfaces, found by their addresses so renamed links still work. */
const ifaces = (q: Query) => ({
  lan: q.findAddress("192.168.10.1")?.link.name ?? "veth-lan",
  wan: q.findAddress(ROUTER_WAN)?.link.name ?? "veth-wan",
});

export default defineExercise({
  id: "nat/masquerade",
  title: "A NAT router",
  probes: [
    { id: "lan-to-wan", kind: "ping", from: "lan", to: WAN_HOST },
    { id: "seen-by-wan", kind: "source", from: "lan", to: WAN_HOST, port: 40000, listenIn: "wan" },
  ],
  hints: [
    "Two separate things are missing: the root namespace does not route between its interfaces, and wan cannot answer 192.168.10.2.",
    "Source NAT in the POSTROUTING hook rewrites the sender's address as packets leave toward wan.",
  ],
  checks: [
    {
      id: "wan-unchanged",
      title: "wan still has no route to 192.168.10.0/24",
      hints: ["wan plays the internet, which knows nothing about your private network. Run the setup again if you changed wan."],
      run: (q) => {
        const r = q.routeLookup(LAN_HOST, "wan");
        if (!r) return pass();
        return fail(`wan has a route to ${LAN_HOST} (${r.dst}${r.gateway ? ` via ${r.gateway}` : ""}). The point is to reach wan without it knowing your LAN; remove that route.`);
      },
    },
    {
      id: "forwarding",
      title: "The root namespace forwards IPv4 packets",
      hints: ["The kernel only routes between interfaces when forwarding is on.", "`sysctl -w net.ipv4.ip_forward=1`"],
      run: (q) => {
        const { lan } = ifaces(q);
        if (q.forwards(lan)) return pass();
        return fail(
          `IPv4 forwarding is off (net.ipv4.ip_forward = ${q.sysctl("net.ipv4.ip_forward") ?? "?"}, ` +
            `net.ipv4.conf.${lan}.forwarding = ${q.sysctl(`net.ipv4.conf.${lan}.forwarding`) ?? "?"}): ` +
            "packets from lan addressed to wan are dropped instead of routed.",
        );
      },
    },
    {
      id: "nat-rule",
      title: "Packets from lan leaving toward wan get the source address 203.0.113.1",
      hints: [
        "Use iptables' nat table, chain POSTROUTING, or an nftables chain of type nat on the postrouting hook.",
        "`iptables -t nat -A POSTROUTING -s 192.168.10.0/24 -o veth-wan -j MASQUERADE`",
      ],
      run: (q) => {
        const { lan, wan } = ifaces(q);
        const d = q.sourceNat({ src: LAN_HOST, dst: WAN_HOST, iif: lan, oif: wan });
        if (d.kind === "snat" && d.to !== ROUTER_WAN) {
          return fail(`Your ${d.tool} rule rewrites the source to ${d.to}, but the router's address toward wan is ${ROUTER_WAN}; replies to ${d.to} reach nobody.`);
        }
        if (d.kind === "masquerade" && d.to !== undefined && d.to !== ROUTER_WAN) {
          return fail(`Your masquerade rule uses ${wan}'s address ${d.to}; expected ${ROUTER_WAN}.`);
        }
        if (d.kind !== "none") return pass();
        const rules = q.sourceNatRules();
        if (rules.length === 0) return fail("There is no source NAT rule in iptables (either backend) or nftables.");
        return fail(
          `None of your NAT rules applies to a packet from ${LAN_HOST} leaving through ${wan} ` +
            `(check the output interface and source match): ${rules.map((r) => `${r.tool}: ${r.text}`).join(" | ")}`,
        );
      },
    },
    {
      id: "reach",
      title: "lan can ping 203.0.113.2",
      dependsOn: ["forwarding"],
      hints: ["`ip netns exec lan ping -c 1 203.0.113.2`; if requests arrive but replies do not, NAT is the missing piece."],
      run: (q) => (probeOk(q, "lan-to-wan") ? pass() : fail(`A ping from lan to ${WAN_HOST} got no answer.`)),
    },
    {
      id: "wan-sees-router",
      title: "wan sees lan's traffic coming from 203.0.113.1",
      dependsOn: ["forwarding"],
      hints: ["Watch from wan's side: `ip netns exec wan tcpdump -ni eth0` while lan pings."],
      run: (q) => {
        const p = q.probe("seen-by-wan");
        if (!p) throw new Error('the live test "seen-by-wan" produced no result');
        if (p.seenSource === ROUTER_WAN) return pass();
        if (p.seenSource === undefined) return fail("Nothing sent from lan arrived in wan.");
        if (p.seenSource === LAN_HOST) return fail(`wan sees packets from ${LAN_HOST}, lan's own address: they are routed but not translated.`);
        return fail(`wan sees packets from ${p.seenSource}; expected ${ROUTER_WAN}.`);
      },
    },
  ],
});
