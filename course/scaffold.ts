/**
 * What `npm run new:exercise -- <chapter>/<slug>` writes: a complete, working
 * exercise folder (so `check:exercises` can walk the author through what is
 * left), and the outline line that lists it in its chapter.
 */

/** "gateway-on-bridge" -> "Gateway on bridge". */
export function titleFromSlug(slug: string): string {
  const words = slug.split('-').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** Files relative to exercises/<id>/, each a small example to replace. */
export function scaffoldFiles(id: string): Record<string, string> {
  const slug = id.split('/')[1] ?? id;
  const title = titleFromSlug(slug);
  return {
    'exercise.ts': `import { defineExercise, fail, pass } from "../../../graders/exercise";

// An example to replace: one check, written out so the Query API shows.
// graders/checks.ts has ready-made ones (bridgeIsUp, attachedToBridge, ...),
// and graders/README.md documents checks, probes and hints.
export default defineExercise({
  id: "${id}",
  title: "${title}",
  hints: ["General hints come first: what kind of object is involved?"],
  checks: [
    {
      id: "bridge",
      title: "br0 is up with veth-a as a port",
      hints: [
        "\`ip link add br0 type bridge\` creates a bridge; new interfaces start DOWN.",
        "\`ip link set br0 up\`, then \`ip link set veth-a master br0\`.",
      ],
      run: (q) => {
        const br = q.link("br0");
        if (!br) return fail("There is no interface called br0.");
        if (br.kind !== "bridge") return fail(\`br0 is a \${br.kind ?? "plain"} device, not a bridge.\`);
        if (!br.up) return fail("br0 exists but is DOWN; a bridge that is down forwards nothing.");
        if (q.bridgeOf("veth-a")?.name !== "br0") return fail("veth-a is not a port of br0 (\`bridge link\` lists the ports).");
        return pass();
      },
    },
  ],
});
`,
    'task.mdx': `# ${title}

One or two sentences: what the learner builds and why it matters.

## Your task

1. Create a bridge \`br0\` and bring it up.
2. Plug \`veth-a\`, which is already there, into it.

When you are done, \`bridge link\` lists \`veth-a\` as a port of \`br0\`.
`,
    'setup.sh': `# Start state, built after the shared reset (exercises/_lib/reset.sh) has
# returned the VM to a clean one: here, a veth pair to plug in.
ip link add veth-a type veth peer name veth-b
`,
    'solution.sh': `ip link add br0 type bridge
ip link set br0 up
ip link set veth-a master br0
`,
    'near-misses/bridge-down.sh': `# expect-fail: bridge
# A plausible mistake, and the check that must catch it: br0 is never brought up.
ip link add br0 type bridge
ip link set veth-a master br0
`,
    'alternatives/README.md': `Other valid solutions go here as *.sh files (other names, another tool); each must pass.\n`,
  };
}

/** A whole chapter entry, for a chapter the outline does not have yet. */
export function chapterEntry(id: string): string {
  const [chapter = ''] = id.split('/');
  return `{
  id: "${chapter}",
  doc: "${chapter}",
  title: "${titleFromSlug(chapter)}",
  blurb: "One sentence for the course map.",
  exercises: [
    "${id}",
  ],
},`;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The outline's source with `id` appended to its chapter's exercises, or
 * null when the chapter is not there (or not laid out as outline.ts is).
 */
export function addToOutline(source: string, id: string): string | null {
  const [chapter = ''] = id.split('/');
  const found = new RegExp(`\\bid:\\s*["']${escape(chapter)}["'],`).exec(source);
  if (!found) return null;
  const open = source.indexOf('exercises: [', found.index);
  if (open < 0) return null;
  // Only this chapter's own list: a doc field, no other id on the way.
  const between = source.slice(found.index + found[0].length, open);
  if (/\bid:/.test(between) || !/\bdoc:/.test(between)) return null;
  const start = open + 'exercises: ['.length;
  const close = source.indexOf(']', start);
  if (close < 0) return null;
  const indent = /^[ \t]*/.exec(source.slice(source.lastIndexOf('\n', open) + 1))?.[0] ?? '';
  // One item per line; `npm run new:exercise` then runs Prettier over the file.
  const items = [...source.slice(start, close).matchAll(/'[^']*'|"[^"]*"/g)].map((m) => `'${m[0].slice(1, -1)}'`);
  const lines = [...items, `'${id}'`].map((item) => `${indent}  ${item},\n`).join('');
  return `${source.slice(0, start)}\n${lines}${indent}${source.slice(close)}`;
}
