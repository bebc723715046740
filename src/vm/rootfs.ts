/**
 * The guest's root file system is a 9p tree that v86 serves from memory. Its
 * inode table comes from fs.json (cold boot) or from the saved state
 * (restore); a file's content is fetched from the image's fs/ folder the
 * first time the guest reads it. This storage replaces v86's own fetcher so
 * that a missing file is a clear error instead of a hung guest, fetched bytes
 * are counted for the download bar, and a stopped lab stops fetching.
 */
import {VmError} from './types';

/** Where content files come from: the site's /vm/fs/ or images/out/fs/. */
export interface RootFsSource {
  /** The compressed content file `name` (e.g. "0123abcd4567ef89.zst"). */
  fetch(name: string, signal: AbortSignal): Promise<Uint8Array>;
  /** What to rebuild or reload when a file is missing, for the error text. */
  describe(name: string): string;
}

/** The part of v86's FileStorageInterface that its 9p FS calls. */
export interface V86FileStorage {
  read(name: string, offset: number, count: number, fileSize: number): Promise<Uint8Array | null>;
  cache(name: string, data: Uint8Array): Promise<void>;
  uncache(name: string): void;
}

export interface RootFsEvents {
  /** Compressed bytes fetched so far, and how many files. */
  onFetched(bytes: number, files: number): void;
  /** A content file could not be had: the machine cannot go on. */
  onFatal(error: VmError): void;
}

export class LazyRootStorage implements V86FileStorage {
  /** Decompressed contents of open files; v86 uncaches a file when the guest closes it. */
  private readonly files = new Map<string, Uint8Array>();
  /** Compressed contents of every file fetched so far, so a reopen costs no second fetch. */
  private readonly packed = new Map<string, Uint8Array>();
  private readonly inflight = new Map<string, Promise<Uint8Array>>();
  private fetchedBytes = 0;
  private fetchedFiles = 0;
  private failed = false;

  constructor(
    private readonly source: RootFsSource,
    private readonly decompress: (size: number, data: Uint8Array) => Uint8Array,
    private readonly events: RootFsEvents,
    private readonly signal: AbortSignal,
  ) {}

  get bytesFetched(): number {
    return this.fetchedBytes;
  }

  async read(name: string, offset: number, count: number, fileSize: number): Promise<Uint8Array | null> {
    const data = this.files.get(name) ?? (await this.load(name, fileSize));
    return data.subarray(offset, offset + count);
  }

  async cache(name: string, data: Uint8Array): Promise<void> {
    this.files.set(name, data);
  }

  uncache(name: string): void {
    this.files.delete(name);
  }

  private load(name: string, fileSize: number): Promise<Uint8Array> {
    let pending = this.inflight.get(name);
    if (!pending) {
      pending = this.fetchOne(name, fileSize).finally(() => this.inflight.delete(name));
      this.inflight.set(name, pending);
    }
    return pending;
  }

  private async fetchOne(name: string, fileSize: number): Promise<Uint8Array> {
    let packed = this.packed.get(name);
    try {
      if (!packed) {
        packed = await this.source.fetch(name, this.signal);
        this.packed.set(name, packed);
        this.fetchedBytes += packed.byteLength;
        this.fetchedFiles++;
        this.events.onFetched(this.fetchedBytes, this.fetchedFiles);
      }
    } catch (e) {
      // The guest's read stays pending for ever (its process hangs, nothing
      // is corrupted); the lab reports the cause and offers a reset.
      if (!this.signal.aborted && !this.failed) {
        this.failed = true;
        const why = e instanceof Error ? e.message : String(e);
        this.events.onFatal(
          new VmError(
            `a file of the VM's root file system could not be loaded (${why}). ${this.source.describe(name)}`,
          ),
        );
      }
      return new Promise<Uint8Array>(() => undefined);
    }
    const data = name.endsWith('.zst') ? this.decompress(fileSize, packed) : packed;
    if (data.byteLength !== fileSize) {
      this.failed = true;
      this.events.onFatal(
        new VmError(
          `the VM file ${name} has ${data.byteLength} bytes where the image expects ${fileSize}: the files on the server belong to another image build. ${this.source.describe(name)}`,
        ),
      );
      return new Promise<Uint8Array>(() => undefined);
    }
    this.files.set(name, data);
    return data;
  }
}

/** The 9p root as the driver hands it over: where files come from, and the index for a cold boot. */
export interface RootFs {
  source: RootFsSource;
  /** fs.json, for a cold boot; a restored state carries its own inode table. */
  index?: unknown;
}

/**
 * v86 internals the 9p root relies on: the FS object (its storage is
 * replaced) and v86's zstd decoder. Checked here, so a v86 without them
 * fails the start with a clear error.
 */
export function attachRoot(
  emulator: unknown,
  root: RootFs,
  events: RootFsEvents,
  signal: AbortSignal,
): LazyRootStorage {
  const e = emulator as {fs9p?: {storage?: unknown; load_from_json?: unknown}; zstd_decompress?: unknown};
  const fs = e.fs9p;
  const unzstd = e.zstd_decompress;
  if (!fs || typeof fs.load_from_json !== 'function' || !('storage' in fs) || typeof unzstd !== 'function') {
    throw new VmError(
      'this v86 build has no 9p file system or zstd decoder where the driver expects them (emulator.fs9p.storage, emulator.zstd_decompress); pin the v86 version in package.json',
    );
  }
  const decode = (size: number, data: Uint8Array): Uint8Array =>
    new Uint8Array((unzstd as (s: number, d: Uint8Array) => ArrayBuffer).call(emulator, size, data));
  const storage = new LazyRootStorage(root.source, decode, events, signal);
  fs.storage = storage;
  if (root.index !== undefined) (fs.load_from_json as (index: unknown) => void).call(fs, root.index);
  return storage;
}
