// Turns the assembled root directory into what v86's 9p file system serves:
//   fs.json   the tree, in v86's JSON format (version 3): one entry per node,
//             [name, size, mtime, mode, uid, gid, target], where target is the
//             children (directory), the link text (symlink) or the content
//             file's name (regular file)
//   fs/       one zstd file per distinct content, named by its sha256, so an
//             unchanged file keeps its name (and its cached copy) across builds
// The guest fetches a file from fs/ the first time it opens it; nothing else
// of the root is downloaded.
// Usage: node images/rootfs-index.mjs <root-dir> <out-dir>
import {createHash} from 'node:crypto';
import {execFileSync} from 'node:child_process';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import {join} from 'node:path';

const [root, out] = process.argv.slice(2);
if (!root || !out) {
  console.error('usage: node images/rootfs-index.mjs <root-dir> <out-dir>');
  process.exit(2);
}
const S_IFMT = 0o170000;
const S_IFDIR = 0o040000;
const S_IFREG = 0o100000;
const S_IFLNK = 0o120000;
// 16 hex digits: with tens of thousands of files a shorter prefix of the hash
// would make a collision likely enough to matter.
const NAME_HEX = 16;

const store = join(out, 'fs');
const staging = join(out, 'fs.new');
rmSync(staging, {recursive: true, force: true});
mkdirSync(staging, {recursive: true});
const known = new Set(existsSync(store) ? readdirSync(store) : []);
const fresh = [];
const names = new Map();
let totalSize = 0;
let files = 0;

function contentName(path) {
  const data = readFileSync(path);
  const hash = createHash('sha256').update(data).digest('hex');
  const name = `${hash.slice(0, NAME_HEX)}.zst`;
  const seen = names.get(name);
  if (seen && seen !== hash) throw new Error(`rootfs-index: hash prefix collision on ${name}; raise NAME_HEX`);
  if (!seen) {
    names.set(name, hash);
    // Unchanged content is reused from the previous build, already compressed.
    if (known.has(name)) renameSync(join(store, name), join(staging, name));
    else {
      writeFileSync(join(staging, hash.slice(0, NAME_HEX)), data);
      fresh.push(hash.slice(0, NAME_HEX));
    }
  }
  return name;
}

function walk(dir) {
  const entries = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    const st = lstatSync(path);
    const kind = st.mode & S_IFMT;
    const node = [name, st.size, Math.floor(st.mtimeMs / 1000), st.mode, st.uid, st.gid];
    if (kind === S_IFDIR) node.push(walk(path));
    else if (kind === S_IFLNK) node.push(readlinkSync(path));
    else if (kind === S_IFREG) {
      node.push(contentName(path));
      files++;
    } else continue; // devices and fifos: /dev is devtmpfs in the guest
    totalSize += st.size;
    entries.push(node);
  }
  return entries;
}

const fsroot = walk(root);
// zstd threads only within one large file, so run one zstd per core over
// batches of files. Level 15: within a few percent of 19, several times faster.
if (fresh.length > 0) {
  writeFileSync(join(out, 'fs.fresh'), fresh.join('\n') + '\n');
  execFileSync(
    'sh',
    ['-c', 'cd "$1" && xargs -P "$(nproc)" -n 100 zstd -q -15 --rm -f < "$2"', 'sh', staging, join(out, 'fs.fresh')],
    {stdio: 'inherit'},
  );
  rmSync(join(out, 'fs.fresh'));
}
rmSync(store, {recursive: true, force: true});
renameSync(staging, store);
writeFileSync(join(out, 'fs.json'), JSON.stringify({fsroot, version: 3, size: totalSize}));
console.error(
  `[image] 9p root: ${files} files, ${names.size} distinct contents (${fresh.length} compressed anew), ${(totalSize / 1e6).toFixed(0)} MB`,
);
