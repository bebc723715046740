import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createNodeVm} from './node';
import {ExecTimeoutError, VmUnavailableError, type VmEvent} from './types';
import type {V86Lab} from './core';

let vm: V86Lab;
const events: VmEvent[] = [];

beforeAll(async () => {
  vm = createNodeVm();
  vm.on((e) => {
    if (e.type !== 'output') events.push(e);
  });
  await vm.start();
});
afterAll(async () => {
  await vm.stop();
});

const run = async (command: string, netns?: string): Promise<string> => {
  const r = await vm.exec(command, {netns, timeoutMs: 30_000});
  expect(r.exitCode, `${command}\n${r.stderr}`).toBe(0);
  return r.stdout;
};

/** Wait until terminal `t` has printed `text`, for up to `ms`. */
function terminalSays(t: number, text: string, ms = 20_000): Promise<string> {
  let seen = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => (off(), reject(new Error(`terminal ${t} never printed ${text}; got ${seen.slice(-300)}`))),
      ms,
    );
    const off = vm.on((e) => {
      if (e.type !== 'output' || e.terminal !== t) return;
      seen += new TextDecoder().decode(e.data);
      if (seen.includes(text)) {
        clearTimeout(timer);
        off();
        resolve(seen);
      }
    });
  });
}

describe('a restored lab VM', () => {
  it('builds a topology and reads every piece back', async () => {
    await run(`set -e
      ip netns add red; ip netns add blue
      ip link add br0 type bridge; ip link set br0 up
      ip link add vr type veth peer name eth0 netns red
      ip link add vb type veth peer name eth0 netns blue
      ip link set vr master br0; ip link set vb master br0; ip link set vr up; ip link set vb up
      ip -n red addr add 10.0.0.1/24 dev eth0; ip -n red link set eth0 up
      ip -n blue addr add 10.0.0.2/24 dev eth0; ip -n blue link set eth0 up
      ip -n red link add link eth0 name eth0.10 type vlan id 10
      ip link add vx0 type vxlan id 42 dstport 4789 dev br0
      iptables -t nat -A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE`);
    const links = JSON.parse(await run('ip -j -d link show')) as Array<{
      ifname: string;
      master?: string;
      linkinfo?: {info_kind?: string; info_data?: {id?: number}};
    }>;
    const byName = new Map(links.map((l) => [l.ifname, l]));
    expect(byName.get('br0')?.linkinfo?.info_kind).toBe('bridge');
    expect(byName.get('vr')?.master).toBe('br0');
    expect(byName.get('vx0')?.linkinfo?.info_data?.id).toBe(42);
    const vlan = JSON.parse(await run('ip -j -d link show eth0.10', 'red')) as Array<{
      linkinfo: {info_kind: string; info_data: {id: number}};
    }>;
    expect(vlan[0].linkinfo).toMatchObject({info_kind: 'vlan', info_data: {id: 10}});
    expect(await run('ip netns list')).toMatch(/blue[\s\S]*red|red[\s\S]*blue/);
    expect(await run('iptables-save -t nat')).toContain('-A POSTROUTING -s 10.0.0.0/24 -j MASQUERADE');
  });

  it('pings from one namespace to the other, and tcpdump sees the ICMP', async () => {
    await run('(timeout 8 tcpdump -l -n -i eth0 -c 2 icmp > /tmp/cap.txt 2>/dev/null &) ; sleep 1.5', 'blue');
    expect(await run('ping -c 2 -W 2 10.0.0.2', 'red')).toContain('2 received');
    await run('for i in $(seq 40); do [ $(wc -l < /tmp/cap.txt) -ge 2 ] && break; sleep 0.2; done');
    expect(await run('cat /tmp/cap.txt')).toMatch(/10\.0\.0\.1 > 10\.0\.0\.2: ICMP echo request/);
  });

  it('answers DNS from dnsmasq', async () => {
    await run(
      'dnsmasq --no-resolv --no-hosts --address=/lab.example/10.0.0.53 --listen-address=10.0.0.2 --bind-interfaces --pid-file=/run/dnsmasq-test.pid',
      'blue',
    );
    expect((await run('dig @10.0.0.2 web.lab.example +short', 'red')).trim()).toBe('10.0.0.53');
  });

  it('keeps the control channel whatever the learner does in the terminal', async () => {
    vm.writeTerminal(0, 'alias ip=false; ip() { return 1; }; export PATH=/nowhere\r');
    vm.writeTerminal(0, '/usr/bin/head -c 1000000 /dev/urandom | /usr/bin/base64; /usr/bin/echo GARBAGE-DONE\r');
    await terminalSays(0, 'GARBAGE-DONE', 60_000);
    vm.writeTerminal(0, '/usr/bin/sleep 1000\r');
    vm.writeTerminal(1, 'echo half-typed line without ente');
    expect((await run('ip -br link show br0')).trim()).toMatch(/^br0\s+UP/);
    expect(await run('echo $PATH')).toContain('/usr/sbin');
  });

  it("has every command the course's tutorials type, from Debian's packages", async () => {
    // Names only: running tshark or python3 the first time fetches megabytes over 9p.
    const commands = `nc wget curl dig nslookup host getent python3 iperf3 ovs-vsctl ovs-ctl ovsdb-server ovs-vswitchd
      bird birdc ipcalc mtr tshark udhcpc udhcpd httpd dhclient ip bridge tcpdump conntrack ipvsadm socat jq ss
      arping tracepath traceroute ethtool brctl vconfig ifconfig route netstat awk sudo iptables nft dnsmasq`;
    const missing = await run(
      `for c in ${commands.replace(/\s+/g, ' ')}; do command -v "$c" >/dev/null || echo "$c"; done`,
    );
    expect(missing.trim(), 'commands that do not resolve').toBe('');
    expect(await run('ls /opt/cni/bin')).toMatch(/\bbridge\b[\s\S]*\bhost-local\b/);
    expect(await run('nc -h 2>&1 | head -1; wget --version | head -1; dig -v 2>&1')).toMatch(
      /OpenBSD netcat[\s\S]*GNU Wget[\s\S]*DiG 9/,
    );
  });

  it('has the /dev links a Debian system has, so process substitution works', async () => {
    expect(await run('diff <(echo same) <(echo same) && echo equal; echo in | cat /dev/stdin')).toBe('equal\nin\n');
  });

  it('rejects a command that never ends in time, and the next exec works', async () => {
    const t = performance.now();
    await expect(vm.exec('sleep 1000', {timeoutMs: 1500})).rejects.toBeInstanceOf(ExecTimeoutError);
    expect(performance.now() - t).toBeLessThan(1500 + 1000);
    expect((await vm.exec('echo still here')).stdout).toBe('still here\n');
  });

  it('does not take text that merely looks like a crash for one', async () => {
    // An earlier test leaves "sleep 1000" in the foreground of terminal 0.
    await run('pkill -x sleep; true');
    vm.writeTerminal(0, '\u0003');
    await new Promise((r) => setTimeout(r, 500));
    vm.writeTerminal(0, 'echo "Kernel panic - not syncing: fake"; echo "reboot: Power down"\r');
    await terminalSays(0, '\nreboot: Power down');
    // The kernel's own console, at emergency level, with its timestamp: still only text.
    await run('echo "<0>Kernel panic - not syncing: fake via kmsg" > /dev/kmsg');
    // Each hint makes the driver probe the agent (a few seconds at most); wait that out.
    await new Promise((r) => setTimeout(r, 12_000));
    expect(vm.status).toBe('ready');
    expect(events.filter((e) => e.type === 'crashed')).toEqual([]);
    expect((await vm.exec('echo alive')).stdout).toBe('alive\n');
  });

  it('reports a kernel panic, rejects exec clearly, and reset() recovers', async () => {
    await vm.exec('echo c > /proc/sysrq-trigger', {timeoutMs: 3000}).catch(() => undefined);
    await expect.poll(() => vm.status, {timeout: 30_000}).toBe('crashed');
    expect(events.some((e) => e.type === 'crashed' && /panic/i.test(e.reason))).toBe(true);
    await expect(vm.exec('true')).rejects.toBeInstanceOf(VmUnavailableError);
    await vm.reset();
    expect((await vm.exec('ip netns list')).stdout).toBe('');
  });

  it('reports poweroff typed in the terminal, and reset() recovers', async () => {
    // Ctrl-C first, as a learner would to clear a half-typed line; the tty
    // discards what is queued behind it, so the command follows separately.
    vm.writeTerminal(1, '\u0003');
    await new Promise((r) => setTimeout(r, 500));
    vm.writeTerminal(1, 'poweroff\r');
    await expect.poll(() => vm.status, {timeout: 30_000}).toBe('crashed');
    expect(events.some((e) => e.type === 'crashed' && /powered off|halted/.test(e.reason))).toBe(true);
    await expect(vm.exec('true')).rejects.toThrow(/Reset the lab/);
    await vm.reset();
    expect((await vm.exec('echo ok')).stdout).toBe('ok\n');
  });
});
