/**
 * The file protocol in the real VM: its 9p root, tmpfs, /proc, the read-only
 * /usr mount, and failures only a VM can produce safely (a full tmpfs, a
 * read-only remount). files.test.ts covers the rest with the host's bash.
 */
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {createNodeVm} from './node';
import {FileError, readVmFile, writeVmFile} from './files';
import type {V86Lab} from './core';

let vm: V86Lab;
beforeAll(async () => {
  vm = createNodeVm();
  await vm.start();
});
afterAll(async () => {
  await vm?.stop();
});

const sh = async (command: string): Promise<string> => {
  const r = await vm.exec(command, {timeoutMs: 30_000});
  expect(r.exitCode, `${command}\n${r.stderr}`).toBe(0);
  return r.stdout;
};

async function failure(work: Promise<unknown>): Promise<FileError> {
  const err = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(FileError);
  return err as FileError;
}

const NASTY = `# it's "quoted" \\ $(reboot) \`halt\` $HOME\nserver=1.1.1.1 # ä€😀\nEOF\nno final newline`;

describe('the VM file protocol', () => {
  it('edits /etc/dnsmasq.conf-like files byte for byte, as cat sees them', async () => {
    await sh(`printf 'port=53\\n' > /etc/netlab-test.conf; chmod 640 /etc/netlab-test.conf`);
    const opened = await readVmFile(vm, '/etc/netlab-test.conf');
    expect(opened).toMatchObject({text: 'port=53\n', isNew: false, readOnly: null});
    await writeVmFile(vm, '/etc/netlab-test.conf', NASTY, {expectVersion: opened.version});
    const r = await vm.exec('cat /etc/netlab-test.conf', {timeoutMs: 10_000});
    expect(new TextDecoder().decode(r.stdoutBytes)).toBe(NASTY);
    expect(await sh('/usr/bin/stat -c %a /etc/netlab-test.conf')).toBe('640\n');
    expect(await sh('ls -a /etc | grep -c netlab- || true')).toBe('1\n');
  });

  it('opens a new file in an existing directory, and names a missing one', async () => {
    const opened = await readVmFile(vm, '/tmp/brand-new.yaml');
    expect(opened).toMatchObject({isNew: true, text: ''});
    await writeVmFile(vm, '/tmp/brand-new.yaml', 'a: 1\n', {expectVersion: ''});
    expect(await sh('cat /tmp/brand-new.yaml; /usr/bin/stat -c %a /tmp/brand-new.yaml')).toBe('a: 1\n644\n');
    const missing = await failure(readVmFile(vm, '/etc/no-such-dir/x.conf'));
    expect(missing.message).toBe('The directory /etc/no-such-dir does not exist; create it first (mkdir -p).');
  });

  it('refuses /bin/ls as binary and a 2 MB file as too big', async () => {
    expect((await failure(readVmFile(vm, '/bin/ls'))).message).toMatch(/^\/bin\/ls is a binary file/);
    await sh('head -c 2000000 /dev/zero | tr "\\0" x > /tmp/big.txt');
    expect((await failure(readVmFile(vm, '/tmp/big.txt'))).code).toBe('too-big');
  });

  it('shows read-only paths as such: /usr, /proc/sys', async () => {
    const usr = await readVmFile(vm, '/usr/share/netlab-nothing-here.conf').catch((e: unknown) => e);
    // /usr is a read-only mount: a new file there can be viewed, never saved.
    expect(usr).toMatchObject({isNew: true, readOnly: expect.stringMatching(/read-only/) as unknown});
    expect((await failure(writeVmFile(vm, '/usr/share/netlab-nothing-here.conf', 'x'))).code).toBe('read-only');
    const fwd = await readVmFile(vm, '/proc/sys/net/ipv4/ip_forward');
    expect(fwd.readOnly).toMatch(/kernel interface/);
    expect((await failure(writeVmFile(vm, '/proc/sys/net/ipv4/ip_forward', '1\n'))).code).toBe('virtual');
  });

  it('leaves the original intact when the filesystem is full or read-only', async () => {
    await sh(`mkdir -p /mnt/small && mount -t tmpfs -o size=64k tmpfs /mnt/small
      printf 'precious\\n' > /mnt/small/app.conf
      head -c 40000 /dev/zero > /mnt/small/filler`);
    const opened = await readVmFile(vm, '/mnt/small/app.conf');
    const full = await failure(
      writeVmFile(vm, '/mnt/small/app.conf', 'y'.repeat(100_000), {
        expectVersion: opened.version,
      }),
    );
    expect(full.code).toBe('no-space');
    expect(full.message).toMatch(/full\. The file in the VM was not changed\.$/);
    expect(await sh('cat /mnt/small/app.conf; ls -a /mnt/small')).toBe('precious\n.\n..\napp.conf\nfiller\n');

    await sh('mount -o remount,ro /mnt/small');
    const ro = await readVmFile(vm, '/mnt/small/app.conf');
    expect(ro.readOnly).toMatch(/read-only/);
    expect((await failure(writeVmFile(vm, '/mnt/small/app.conf', 'z\n'))).code).toBe('read-only');
    expect(await sh('cat /mnt/small/app.conf')).toBe('precious\n');
    await sh('umount /mnt/small');
  });

  it('notices a file changed in the terminal since it was opened', async () => {
    await sh('echo one > /tmp/race.conf');
    const opened = await readVmFile(vm, '/tmp/race.conf');
    await sh("sed -i 's/one/uno/' /tmp/race.conf");
    expect((await failure(writeVmFile(vm, '/tmp/race.conf', 'two\n', {expectVersion: opened.version}))).code).toBe(
      'changed',
    );
    expect(await sh('cat /tmp/race.conf')).toBe('uno\n');
  });
});
