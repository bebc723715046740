/**
 * Local Docusaurus plugin: turns `exercises/**` into browser data. It first
 * runs the course check shared with `npm run check:exercises` (course/check.ts)
 * and fails the build on any error, naming the file and the fix.
 * - global data: the course outline (course/outline.ts) and a light index of
 *   the exercises (id, chapter, title) for the course map and progress counts;
 * - `@netlab/exercise-tasks`: a generated module mapping each id to lazy
 *   loaders of its compiled task.mdx + scripts, and of its graders
 *   definition, so a page downloads only the exercises it embeds;
 * - an MDX rule so task.mdx goes through Docusaurus's own MDX pipeline, and a
 *   rule that imports `.sh` files as text (the collector script).
 */
import {execFile} from 'node:child_process';
import path from 'node:path';
import {promisify} from 'node:util';
import {createMDXLoaderRule} from '@docusaurus/mdx-loader';
import type {LoadContext, Plugin} from '@docusaurus/types';
import {errorMessage, loadExercises, problemReport, type CourseDump} from './exercises/load';
import {EXERCISES_PLUGIN_NAME, type ExercisesGlobalData} from './exercises/types';

const run = promisify(execFile);

const TASKS_ALIAS = '@netlab/exercise-tasks';
const LAZY_PACKAGES =
  /[\\/]node_modules[\\/](mermaid|@mermaid-js|d3[\w-]*|dagre[\w-]*|khroma|cytoscape[\w-]*|katex|lodash-es|dompurify|marked|roughjs|stylis|dayjs|langium|chevrotain|@chevrotain|zod|ipaddr\.js|@xterm|v86)[\\/]/;

/** Modules that are only ever loaded on demand: the graders, exercise code, heavy libraries. */
function lazyModules(siteDir: string): RegExp {
  const esc = (p: string) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const own = ['graders', 'exercises'].map((d) => esc(path.join(siteDir, d) + path.sep)).join('|');
  return new RegExp(`^(${own})|${LAZY_PACKAGES.source}`);
}

interface Entry {
  id: string;
  taskPath: string;
  dataPath: string;
  definitionPath: string;
}

function tasksModule(entries: Entry[]): string {
  const q = JSON.stringify;
  const lines = entries.map(
    (e) =>
      `  ${q(e.id)}: {\n` +
      `    task: () => Promise.all([import(${q(e.taskPath)}), import(${q(e.dataPath)})])` +
      `.then(([t, s]) => ({Task: t.default, scripts: s.default})),\n` +
      `    definition: () => import(${q(e.definitionPath)}).then((m) => m.default),\n` +
      `  },`,
  );
  return `export default {\n${lines.join('\n')}\n};\n`;
}

/**
 * The same map for the static render: every task imported up front, its
 * loader returning a promise already marked fulfilled (React's convention),
 * which `use` renders at once. A suspended task would instead be streamed to
 * the end of the HTML, outside the lesson's <article>, where the search
 * index (and a reader without JavaScript) does not look.
 */
function serverTasksModule(entries: Entry[]): string {
  const q = JSON.stringify;
  const imports = entries.map(
    (e, i) => `import task${i} from ${q(e.taskPath)};\nimport scripts${i} from ${q(e.dataPath)};`,
  );
  const lines = entries.map(
    (e, i) =>
      `  ${q(e.id)}: {\n` +
      `    task: () => done({Task: task${i}, scripts: scripts${i}}),\n` +
      `    definition: () => import(${q(e.definitionPath)}).then((m) => m.default),\n` +
      `  },`,
  );
  const done =
    'function done(value) {\n  return Object.assign(Promise.resolve(value), {status: "fulfilled", value});\n}';
  return `${imports.join('\n')}\n${done}\nexport default {\n${lines.join('\n')}\n};\n`;
}

/** Checks the course through tsx (see exercises/dumpCourse.ts for why). */
async function loadCourse(siteDir: string): Promise<CourseDump> {
  const script = path.join(siteDir, 'src/plugins/exercises/dumpCourse.ts');
  try {
    const {stdout} = await run(process.execPath, ['--import', 'tsx', script], {
      cwd: siteDir,
      maxBuffer: 16 * 1024 * 1024,
    });
    return JSON.parse(stdout) as CourseDump;
  } catch (err) {
    const stderr = (err as {stderr?: unknown}).stderr;
    const why = typeof stderr === 'string' && stderr.trim() ? errorMessage(stderr) : String(err);
    throw new Error(
      'The course check crashed (course/check.ts via src/plugins/exercises/dumpCourse.ts).\n' +
        `  problem: ${why.split('\n').slice(0, 16).join('\n    ')}\n` +
        '  fix: `npm run check:exercises` runs the same check and shows the details.',
      {cause: err},
    );
  }
}

/**
 * Errors stop the build; unfinished work (recordings, near-misses,
 * alternatives) only warns, so an author can preview a new exercise.
 */
function reportProblems(dump: CourseDump): void {
  const errors = dump.problems.filter((p) => p.severity === 'error');
  const unfinished = dump.problems.filter((p) => p.severity === 'unfinished');
  if (unfinished.length) {
    console.warn(
      `[${EXERCISES_PLUGIN_NAME}] ${unfinished.length} unfinished item(s); \`npm run check:exercises\` fails until they are done:\n${problemReport(unfinished)}`,
    );
  }
  if (errors.length || !dump.outline) {
    throw new Error(`Malformed course: ${errors.length} problem(s)\n${problemReport(errors)}`);
  }
}

export default async function exercisesPlugin(context: LoadContext): Promise<Plugin> {
  const {siteDir, siteConfig} = context;
  const root = path.join(siteDir, 'exercises');
  let tasksPath: string | null = null;
  let serverTasksPath: string | null = null;

  const mdxRule = await createMDXLoaderRule({
    include: [root + path.sep],
    options: {
      siteDir,
      staticDirs: siteConfig.staticDirectories.map((d) => path.resolve(siteDir, d)),
      markdownConfig: siteConfig.markdown,
      admonitions: true,
      // A task is a fragment inside a lesson page: its `# Title` becomes the
      // exercise card's heading instead of a second <h1> on the page.
      removeContentTitle: true,
      isMDXPartial: () => true,
      isMDXPartialFrontMatterWarningDisabled: true,
    },
  });

  return {
    name: EXERCISES_PLUGIN_NAME,

    getPathsToWatch() {
      // The outline decides the course map and counts, so editing it reloads them too.
      return [`${root}/**/*`, path.join(siteDir, 'course', 'outline.ts')];
    },

    // Loading happens here rather than in loadContent so the content keeps its
    // type (Plugin<T> is not assignable to the config's Plugin<unknown>).
    async contentLoaded({actions}) {
      const dump = await loadCourse(siteDir);
      reportProblems(dump);
      const content = await loadExercises(root, dump.exercises);
      const data: ExercisesGlobalData = {
        exercises: content.map((e) => e.summary),
        parts: dump.outline?.parts ?? [],
      };
      actions.setGlobalData(data);
      const entries = await Promise.all(
        content.map(async (e) => ({
          id: e.summary.id,
          taskPath: e.taskPath,
          definitionPath: e.definitionPath,
          dataPath: await actions.createData(`${e.summary.id.replace('/', '__')}.json`, JSON.stringify(e.scripts)),
        })),
      );
      tasksPath = await actions.createData('tasks.js', tasksModule(entries));
      serverTasksPath = await actions.createData('tasks.server.js', serverTasksModule(entries));
    },

    configureWebpack(_config, isServer, {currentBundler}) {
      if (!tasksPath || !serverTasksPath) throw new Error(`${EXERCISES_PLUGIN_NAME}: contentLoaded did not run`);
      // v86 imports node:fs/promises and node:crypto only when it runs under
      // Node. Webpack cannot read "node:" URLs, so in the browser bundle the
      // scheme is dropped and the modules resolve to empty stand-ins.
      const plugins = isServer
        ? []
        : [
            new currentBundler.instance.NormalModuleReplacementPlugin(/^node:/, (resource: {request: string}) => {
              resource.request = resource.request.replace(/^node:/, '');
            }),
          ];
      const fallback: Record<string, false> = isServer ? {} : {'fs/promises': false, crypto: false};
      return {
        plugins,
        resolve: {alias: {[TASKS_ALIAS]: isServer ? serverTasksPath : tasksPath}, fallback},
        optimization: {
          splitChunks: {
            cacheGroups: {
              // Docusaurus merges modules shared by half the pages into one
              // "common" chunk that every page loads. On a small site that
              // swallows code only ever loaded on demand (graders, Mermaid,
              // the emulator), so those keep their own lazy chunks.
              onDemand: {
                test: lazyModules(siteDir),
                chunks: 'async',
                priority: 45,
                reuseExistingChunk: true,
              },
            },
          },
        },
        module: {
          rules: [
            mdxRule,
            {test: /\.sh$/, type: 'asset/source'},
            // package.json says "type": "module", which makes webpack parse
            // Docusaurus's generated CommonJS-flavoured registry as strict ESM
            // and leave its require.resolveWeak() calls unbundled.
            {test: /\.js$/, include: [context.generatedFilesDir], type: 'javascript/auto'},
          ],
        },
      };
    },
  };
}
