import type { V86, V86Options } from "v86";
import { DEFAULT_EXEC_TIMEOUT_MS, KERNEL_CMDLINE, MEMORY_SIZE, TERMINAL_COUNT, VGA_MEMORY_SIZE } from "./config";
import { encodeRequest, ReplyParser, shellQuote, type ExecReply } from "./protocol";
import { LazyRootStorage, type RootFsSource, type V86FileStorage } from "./rootfs";
import { TerminalWatch } from "./watch";
import {
  ExecTimeoutError,
  VmError,
  VmUnavailableError,
  type ExecOptions,
  type ExecResult,
  type LabVm,
  type StartOptions,
  type VmEvent,
  type VmListener,
  type VmStatus,
} from "./types";

/** What an environment (browser or Node) must supply to build a machine. */
export interface VmPlatform {
  V86: new (options: V86Options) => V86;
  wasmPath: string;
  load(
    what: "restore" | "boot",
    onProgress: (phase: string, loaded: number, total: number) => void,
  ): Promise<{
    bios: ArrayBuffer;
    vgaBios: ArrayBuffer;
    state?: ArrayBuffer;
    kernel?: ArrayBuffer;
    initrd?: ArrayBuffer;
    /** The 9p root: where its files come from, and its index (fs.json) for a cold boot. */
    rootfs?: { source: RootFsSource; index?: unknown };
  }>;
}

/**
 * v86 internals that its type declarations leave out. The virtio console
 * drops input when the guest has no receive buffer posted and truncates input
 * longer than one buffer, so the sender must see the receive queue.
 */
interface V86Bus {
  bus: { send(name: string, data: Uint8Array): void };
  v86?: { cpu?: { devices?: { virtio_console?: { virtio?: { queues?: Array<{ has_request(): boolean }> } } } } };
  /** The 9p file system (present when `filesystem` is set) and its storage. */
  fs9p?: { storage: V86FileStorage; load_from_json(index: unknown): void };
  /** v86's zstd decoder, running in its own wasm. */
  zstd_decompress?(size: number, data: Uint8Array): ArrayBuffer;
}

/** One guest receive buffer is a page; stay below it. */
const CONTROL_CHUNK = 4000;

interface Pending {
  resolve(reply: ExecReply): void;
  reject(error: Error): void;
}

const decoder = new TextDecoder();

export class V86Lab implements LabVm {
  readonly terminalCount = TERMINAL_COUNT;
  private emulator: (V86 & V86Bus) | undefined;
  private listeners = new Set<VmListener>();
  private pending = new Map<number, Pending>();
  private nextId = 1;
  private agentReady: (() => void) | undefined;
  private current: VmStatus = "idle";
  private generation = 0;
  private crashReason = "";
  private outbox: Uint8Array[] = [];
  private pumping = false;
  private rootStorage: LazyRootStorage | undefined;
  private rootAbort: AbortController | undefined;

  constructor(private readonly platform: VmPlatform) {}

  get status(): VmStatus {
    return this.current;
  }

  on(listener: VmListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async start(options: StartOptions = {}): Promise<void> {
    if (this.emulator) await this.stop();
    const generation = ++this.generation;
    this.setStatus("loading");
    const cold = options.coldBoot === true;
    const files = await this.platform.load(cold ? "boot" : "restore", (phase, loaded, total) =>
      this.emit({ type: "progress", phase, loaded, total }),
    );
    if (!cold && !files.state) throw new VmError("no snapshot available: run `npm run image`");
    const agentUp = new Promise<void>((resolve) => (this.agentReady = resolve));
    const settings: V86Options = {
      wasm_path: this.platform.wasmPath,
      memory_size: MEMORY_SIZE,
      vga_memory_size: VGA_MEMORY_SIZE,
      bios: { buffer: files.bios },
      vga_bios: { buffer: files.vgaBios },
      // Started by prepare(), once the 9p root's storage is in place.
      autostart: false,
      disable_keyboard: true,
      disable_mouse: true,
      disable_speaker: true,
      acpi: false,
      uart1: true,
      virtio_console: { type: "none" },
      ...(files.rootfs ? { filesystem: {} } : {}),
      ...(cold
        ? { bzimage: { buffer: need(files.kernel, "kernel") }, initrd: { buffer: need(files.initrd, "initrd") }, cmdline: KERNEL_CMDLINE }
        : { initial_state: { buffer: need(files.state, "state") } }),
    };
    this.emit({ type: "progress", phase: cold ? "booting" : "restoring", loaded: 0, total: 1 });
    const emulator = new this.platform.V86(settings) as V86 & V86Bus;
    this.emulator = emulator;
    this.wire(emulator, generation);
    await new Promise<void>((resolve) => emulator.add_listener("emulator-loaded", () => resolve()));
    if (generation !== this.generation) return;
    this.prepare(emulator, files.rootfs, generation);
    emulator.run();
    if (cold) {
      await Promise.race([agentUp, this.pollAgent(generation)]);
    } else {
      // The agent sits in read() inside the snapshot; the clock is the host's.
      await this.syncClock(generation);
    }
    if (generation !== this.generation) return;
    this.setStatus("ready");
    this.emit({ type: "ready", restoredFromSnapshot: !cold });
  }

  /** The emulator exists and has not run yet: attach the 9p root's storage. */
  private prepare(emulator: V86 & V86Bus, rootfs: { source: RootFsSource; index?: unknown } | undefined, generation: number): void {
    if (!rootfs) return;
    const fs = emulator.fs9p;
    const unzstd = emulator.zstd_decompress;
    if (!fs || typeof fs.load_from_json !== "function" || !("storage" in fs) || typeof unzstd !== "function") {
      throw new VmError("this v86 build has no 9p file system or zstd decoder where the driver expects them (fs9p.storage, zstd_decompress); pin the v86 version in package.json");
    }
    this.rootAbort?.abort();
    const abort = new AbortController();
    this.rootAbort = abort;
    this.rootStorage = new LazyRootStorage(
      rootfs.source,
      (size, data) => new Uint8Array(unzstd.call(emulator, size, data)),
      {
        onFetched: (bytes) => {
          if (generation === this.generation && this.current === "loading") this.emit({ type: "progress", phase: "fetching files", loaded: bytes, total: 0 });
        },
        onFatal: (error) => this.crashed(error.message, generation),
      },
      abort.signal,
    );
    fs.storage = this.rootStorage;
    if (rootfs.index !== undefined) fs.load_from_json(rootfs.index);
  }

  /** Compressed bytes of root files fetched since the last start (for the bench). */
  get rootBytesFetched(): number {
    return this.rootStorage?.bytesFetched ?? 0;
  }

  private wire(emulator: V86 & V86Bus, generation: number): void {
    const parser = new ReplyParser((reply) => {
      if (reply.id === 0) {
        this.agentReady?.();
        return;
      }
      const p = this.pending.get(reply.id);
      this.pending.delete(reply.id);
      p?.resolve(reply);
    });
    emulator.add_listener("virtio-console0-output-bytes", (bytes) => {
      if (generation === this.generation) parser.push(bytes);
    });
    const watch = new TerminalWatch((reason) => this.crashed(reason, generation));
    for (let t = 0; t < TERMINAL_COUNT; t++) {
      const batch: number[] = [];
      const flush = (): void => {
        const data = Uint8Array.from(batch);
        batch.length = 0;
        if (generation !== this.generation) return;
        if (t === 0) watch.feed(data);
        this.emit({ type: "output", terminal: t, data });
      };
      const event = t === 0 ? "serial0-output-byte" : "serial1-output-byte";
      emulator.add_listener(event, (byte: number) => {
        if (batch.push(byte) === 1) setTimeout(flush, 8);
      });
    }
  }

  /**
   * The snapshot's clock is the build's; set the host's. Retried, because on a
   * loaded machine the first request after a restore can take long to land.
   */
  private async syncClock(generation: number): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await this.exec(`date -s @${(Date.now() / 1000).toFixed(3)} >/dev/null`, { timeoutMs: 4000 });
        return;
      } catch (e) {
        if (e instanceof VmUnavailableError || generation !== this.generation || attempt >= 8) throw e;
      }
    }
  }

  /** Until the agent's hello arrives, knock: a reply proves the channel works. */
  private async pollAgent(generation: number): Promise<void> {
    while (generation === this.generation && this.current === "loading") {
      try {
        await this.exec("true", { timeoutMs: 2000 });
        return;
      } catch (e) {
        if (e instanceof VmUnavailableError) throw e;
      }
    }
  }

  private crashed(reason: string, generation: number): void {
    if (generation !== this.generation || this.current === "crashed") return;
    this.crashReason = reason;
    this.setStatus("crashed");
    this.emit({ type: "crashed", reason });
    this.failPending(new VmUnavailableError(`the lab VM stopped: ${reason}. Reset the lab to get a fresh machine.`));
    void this.emulator?.stop();
  }

  async stop(): Promise<void> {
    this.generation++;
    const emulator = this.emulator;
    this.emulator = undefined;
    this.failPending(new VmUnavailableError("the lab VM was stopped"));
    this.rootAbort?.abort();
    if (emulator) await emulator.destroy();
    this.setStatus("stopped");
  }

  async reset(): Promise<void> {
    await this.stop();
    await this.start();
  }

  exec(command: string, options: ExecOptions = {}): Promise<ExecResult> {
    const emulator = this.emulator;
    if (!emulator || this.current === "crashed" || this.current === "stopped") {
      const why =
        this.current === "crashed"
          ? `the lab VM stopped (${this.crashReason}). Reset the lab to get a fresh machine.`
          : `the lab VM is not running (status: ${this.current})`;
      return Promise.reject(new VmUnavailableError(why));
    }
    const id = this.nextId++;
    const timeoutMs = options.timeoutMs ?? DEFAULT_EXEC_TIMEOUT_MS;
    const frame = encodeRequest({ id, script: command, timeoutMs, netns: options.netns });
    return new Promise<ExecResult>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new ExecTimeoutError(`command did not finish within ${timeoutMs} ms: ${command.slice(0, 80)}`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (reply) => {
          clearTimeout(timer);
          resolve({
            exitCode: reply.exitCode,
            stdout: decoder.decode(reply.stdout),
            stderr: decoder.decode(reply.stderr),
            stdoutBytes: reply.stdout,
          });
        },
        reject: (error) => {
          clearTimeout(timer);
          reject(error);
        },
      });
      for (let i = 0; i < frame.length; i += CONTROL_CHUNK) this.outbox.push(frame.subarray(i, i + CONTROL_CHUNK));
      this.pump();
    });
  }

  /** Feed queued control bytes to the guest as fast as it posts buffers. */
  private pump(): void {
    const emulator = this.emulator;
    if (this.pumping || !emulator) return;
    const rx = emulator.v86?.cpu?.devices?.virtio_console?.virtio?.queues?.[0];
    while (this.outbox.length > 0 && (!rx || rx.has_request())) {
      const chunk = this.outbox.shift();
      if (chunk) emulator.bus.send("virtio-console0-input-bytes", chunk);
    }
    if (this.outbox.length > 0) {
      this.pumping = true;
      setTimeout(() => {
        this.pumping = false;
        this.pump();
      }, 1);
    }
  }

  writeTerminal(terminal: number, data: Uint8Array | string): void {
    if (!this.emulator || terminal < 0 || terminal >= TERMINAL_COUNT) return;
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    this.emulator.serial_send_bytes(terminal, bytes);
  }

  async resizeTerminal(terminal: number, cols: number, rows: number): Promise<void> {
    if (terminal < 0 || terminal >= TERMINAL_COUNT) return;
    const c = Math.max(10, Math.floor(cols));
    const r = Math.max(4, Math.floor(rows));
    await this.exec(`stty -F /dev/ttyS${terminal} cols ${c} rows ${r}`, { timeoutMs: 3000 });
  }

  async putFile(path: string, data: Uint8Array | string, mode = 0o644): Promise<void> {
    const bytes = typeof data === "string" ? new TextEncoder().encode(data) : data;
    const b64 = toBase64(bytes);
    const q = shellQuote(path);
    const script = `mkdir -p -- "$(dirname -- ${q})" && base64 -d > ${q} <<'__NETLAB_EOF__'\n${b64}\n__NETLAB_EOF__\nchmod ${mode.toString(8)} -- ${q}`;
    const r = await this.exec(script, { timeoutMs: 30_000 });
    if (r.exitCode !== 0) throw new VmError(`could not write ${path}: ${r.stderr.trim()}`);
  }

  async getFile(path: string): Promise<Uint8Array> {
    const r = await this.exec(`cat -- ${shellQuote(path)}`, { timeoutMs: 30_000 });
    if (r.exitCode !== 0) throw new VmError(`could not read ${path}: ${r.stderr.trim()}`);
    return r.stdoutBytes;
  }

  /** Save the running machine's state (used by the image build). */
  async saveState(): Promise<ArrayBuffer> {
    if (!this.emulator) throw new VmUnavailableError("the lab VM is not running");
    return this.emulator.save_state();
  }

  private failPending(error: Error): void {
    this.outbox = [];
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }

  private setStatus(status: VmStatus): void {
    this.current = status;
    this.emit({ type: "status", status });
  }

  private emit(event: VmEvent): void {
    for (const l of this.listeners) l(event);
  }
}

function need(buffer: ArrayBuffer | undefined, what: string): ArrayBuffer {
  if (!buffer) throw new VmError(`missing VM file: ${what}`);
  return buffer;
}

function toBase64(bytes: Uint8Array): string {
  let s = "";
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  const b64 = btoa(s);
  return b64.replace(/(.{76})/g, "$1\n");
}
