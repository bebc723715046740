// Writes images/out/manifest.json: every package with its resolved version and
// the sha256 of its .deb, plus the sha256 and size of every artifact.
import {createHash} from 'node:crypto';
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {join} from 'node:path';

const [out, work] = process.argv.slice(2);
const sha256 = (path) => createHash('sha256').update(readFileSync(path)).digest('hex');
const packages = readFileSync(join(work, 'manifest-packages.txt'), 'utf8')
  .trim()
  .split('\n')
  .map((line) => {
    const [name, version, arch, debSha256] = line.split(' ');
    return {name, version, arch, debSha256};
  });
// Suites apt could not read when the image was built (images/build.sh unread_suites).
const unreadPath = join(work, 'unread-suites.txt');
const unreadSuites = existsSync(unreadPath) ? readFileSync(unreadPath, 'utf8').split('\n').filter(Boolean) : [];
// Installed packages those unread suites have a newer version of (build.sh name_packages_behind).
const behindPath = join(work, 'behind-unread.txt');
const olderThanUnreadSuites = existsSync(behindPath)
  ? readFileSync(behindPath, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => {
        const [name, version, newer, suite] = line.split(' ');
        return {name, version, newer, suite};
      })
  : [];
const artifacts = {};
for (const name of ['vmlinuz', 'initrd.img', 'bios.bin', 'vgabios.bin', 'state.bin.zst', 'fs.json']) {
  const path = join(out, name);
  if (existsSync(path)) artifacts[name] = {bytes: statSync(path).size, sha256: sha256(path)};
}
// What the state was saved with: loaders refuse a state from another machine.
const machinePath = join(out, 'machine.json');
const machine = existsSync(machinePath) ? JSON.parse(readFileSync(machinePath, 'utf8')) : undefined;
const rootIndex = join(out, 'fs.json');
const manifest = {
  distribution: 'debian bookworm i386',
  kernel: readFileSync(join(work, 'kernel-version'), 'utf8').trim(),
  v86: JSON.parse(readFileSync(new URL('../node_modules/v86/package.json', import.meta.url), 'utf8')).version,
  machine,
  // Content files are named by their hash; the index's hash names the tree.
  rootfs: existsSync(rootIndex) ? {indexSha256: sha256(rootIndex)} : undefined,
  unreadSuites,
  olderThanUnreadSuites,
  packages,
  artifacts,
};
writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
console.error(`[image] manifest: ${packages.length} packages, ${Object.keys(artifacts).length} artifacts`);
