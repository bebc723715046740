/**
 * The lab VM from a terminal, for instructors and scripts.
 *   npm run vm -- exec '<command>' [--netns NAME] [--timeout MS]
 *   npm run vm -- shell [--terminal 0|1] [--cold]
 */
import {createNodeVm} from './node';
import {VmError} from './types';

function flag(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

async function execCommand(args: string[]): Promise<number> {
  const command = args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!command) {
    console.error("usage: npm run vm -- exec '<command>' [--netns NAME] [--timeout MS]");
    return 2;
  }
  const vm = createNodeVm();
  await vm.start();
  const r = await vm.exec(command, {
    netns: flag(args, '--netns'),
    timeoutMs: Number(flag(args, '--timeout') ?? 60_000),
  });
  process.stdout.write(r.stdoutBytes);
  process.stderr.write(r.stderr);
  await vm.stop();
  return r.exitCode;
}

async function shell(args: string[]): Promise<number> {
  const terminal = Number(flag(args, '--terminal') ?? 0);
  const vm = createNodeVm();
  vm.on((e) => {
    if (e.type === 'output' && e.terminal === terminal) process.stdout.write(e.data);
    if (e.type === 'crashed') console.error(`\r\n[netlab] ${e.reason}`);
  });
  await vm.start({coldBoot: args.includes('--cold')});
  console.error('[netlab] connected; press Ctrl-] to leave');
  if (process.stdin.isTTY) process.stdin.setRawMode(true);
  const resize = (): void =>
    void vm.resizeTerminal(terminal, process.stdout.columns ?? 80, process.stdout.rows ?? 24).catch(() => undefined);
  resize();
  process.stdout.on('resize', resize);
  return new Promise<number>((resolve) => {
    process.stdin.on('data', (chunk: Buffer) => {
      if (chunk.includes(0x1d)) {
        void vm.stop().then(() => resolve(0));
        return;
      }
      vm.writeTerminal(terminal, chunk);
    });
    process.stdin.on('end', () => void vm.stop().then(() => resolve(0)));
  });
}

const [sub, ...rest] = process.argv.slice(2);
const run = sub === 'exec' ? execCommand : sub === 'shell' ? shell : undefined;
if (!run) {
  console.error("usage: npm run vm -- exec '<command>' | shell");
  process.exit(2);
}
run(rest).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e instanceof VmError ? `netlab: ${e.message}` : e);
    process.exit(2);
  },
);
