import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {MACHINE, machineMismatch, V86_VERSION} from './config';
import {LazyRootStorage, type RootFsSource} from './rootfs';
import type {VmError} from './types';

const enc = new TextEncoder();

/** A source over a map of names; counts fetches. "Compression" is a marker byte the test decoder strips. */
function source(files: Record<string, string>): RootFsSource & {fetches: string[]} {
  const fetches: string[] = [];
  return {
    fetches,
    async fetch(name) {
      fetches.push(name);
      const text = files[name];
      if (text === undefined) throw new Error(`${name}: HTTP 404`);
      return enc.encode(`#${text}`);
    },
    describe: (name) => `rebuild (${name})`,
  };
}
const strip = (_size: number, data: Uint8Array): Uint8Array => data.subarray(1);

function storage(files: Record<string, string>) {
  const src = source(files);
  const fatal: VmError[] = [];
  const fetched: number[] = [];
  const s = new LazyRootStorage(
    src,
    strip,
    {onFetched: (b) => fetched.push(b), onFatal: (e) => fatal.push(e)},
    new AbortController().signal,
  );
  return {s, src, fatal, fetched};
}

describe('LazyRootStorage', () => {
  it('fetches a file once, serves ranges, and refetches nothing after v86 uncaches it on close', async () => {
    const {s, src, fetched} = storage({'a.zst': 'hello world'});
    expect(new TextDecoder().decode((await s.read('a.zst', 6, 5, 11)) ?? undefined)).toBe('world');
    s.uncache('a.zst');
    expect(new TextDecoder().decode((await s.read('a.zst', 0, 5, 11)) ?? undefined)).toBe('hello');
    expect(src.fetches).toEqual(['a.zst']);
    expect(fetched).toEqual([12]);
    expect(s.bytesFetched).toBe(12);
  });

  it('joins concurrent reads of one file into one fetch', async () => {
    const {s, src} = storage({'b.zst': 'abcdef'});
    const [x, y] = await Promise.all([s.read('b.zst', 0, 3, 6), s.read('b.zst', 3, 3, 6)]);
    expect(new TextDecoder().decode(x ?? undefined) + new TextDecoder().decode(y ?? undefined)).toBe('abcdef');
    expect(src.fetches).toEqual(['b.zst']);
  });

  it('reports a missing file as a fatal error naming the fix, and leaves the read pending', async () => {
    const {s, fatal} = storage({});
    let settled = false;
    void s.read('gone.zst', 0, 1, 1).then(() => (settled = true));
    await new Promise((r) => setTimeout(r, 20));
    expect(settled).toBe(false);
    expect(fatal).toHaveLength(1);
    expect(fatal[0].message).toMatch(/could not be loaded \(gone\.zst: HTTP 404\)\. rebuild \(gone\.zst\)/);
  });

  it('refuses content whose size differs from the index (files of another build)', async () => {
    const {s, fatal} = storage({'c.zst': 'short'});
    void s.read('c.zst', 0, 1, 999);
    await new Promise((r) => setTimeout(r, 20));
    expect(fatal[0]?.message).toMatch(/has 5 bytes where the image expects 999/);
  });
});

describe('machine description', () => {
  it('pins the v86 version that is installed', () => {
    const installed = JSON.parse(
      readFileSync(new URL('../../node_modules/v86/package.json', import.meta.url), 'utf8'),
    ) as {version: string};
    expect(V86_VERSION, 'update V86_VERSION in src/vm/config.ts and rebuild the image').toBe(installed.version);
  });

  it('accepts its own machine and names each difference of another', () => {
    expect(machineMismatch({...MACHINE})).toBeNull();
    expect(machineMismatch(undefined)).toMatch(/no machine description/);
    const why = machineMismatch({...MACHINE, v86: '0.0.1', memorySize: 64 * 2 ** 20});
    expect(why).toMatch(/v86 0\.0\.1, this driver uses/);
    expect(why).toMatch(/64 MB of memory, this driver sets/);
  });
});
