import {readFileSync} from 'node:fs';
import {describe, expect, it} from 'vitest';
import {MACHINE} from '../../../vm/config';
import {imageOf, staleReason, type SavedMeta} from '../savedMeta';

const meta = (over: Partial<SavedMeta> = {}): SavedMeta => ({
  key: '/learn/bridges',
  title: 'Linux bridges',
  savedAt: Date.UTC(2026, 10, 24, 12, 0),
  image: 'abc',
  v86: MACHINE.v86,
  nextRequestId: 42,
  bytes: 15e6,
  ...over,
});

describe('saved machine identity', () => {
  it("names the image by its snapshot's sha256 in the manifest", () => {
    const manifest: unknown = JSON.parse(
      readFileSync(new URL('../../../../images/out/manifest.json', import.meta.url), 'utf8'),
    );
    const id = imageOf(manifest, MACHINE.v86);
    expect(id?.image).toMatch(/^[0-9a-f]{64}$/);
    expect(imageOf({}, MACHINE.v86)).toBeNull();
    expect(imageOf(null, MACHINE.v86)).toBeNull();
  });

  it('resumes only on the same image and v86 build, and says why not in one line', () => {
    const now = {image: 'abc', v86: MACHINE.v86};
    expect(staleReason(meta(), now)).toBeNull();
    const older = staleReason(meta({image: 'old'}), now);
    expect(older).toMatch(/older image .* dropped/);
    expect(older).not.toContain('\n');
    expect(staleReason(meta({v86: '0.5.1'}), now)).toMatch(/another version of the emulator/);
  });
});
