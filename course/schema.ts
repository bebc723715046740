/**
 * The shape of the course outline (outline.ts) and of the problems every
 * authoring check reports. Node-only: the browser receives the validated
 * outline through the exercises plugin's global data, so zod stays out of
 * the first page download.
 */
import path from 'node:path';
// A namespace import: sidebars.ts loads this through jiti, whose default-export
// interop leaves a named `{ z }` import undefined.
import * as z from 'zod';

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case words joined by dashes');

export const ChapterSchema = z.object({
  /** The chapter's key: its exercises live in exercises/<id>/, progress is counted under it. */
  id: slug,
  /** The Docusaurus doc id of the lesson page (docs/<doc>.mdx). */
  doc: z.string().min(1),
  title: z.string().min(3),
  /** One sentence for the course map. */
  blurb: z.string().min(10),
  /**
   * The folder under exercises/ that holds this chapter's labs, when it is not the chapter's id: the
   * Kubernetes chapters share exercises/kubernetes/, so their lab ids stay "kubernetes/<slug>".
   */
  folder: slug.optional(),
  /** Exercise ids ("<chapter>/<slug>") in the order the lesson presents them. */
  exercises: z.array(z.string()),
});

export const PartSchema = z.object({
  id: slug,
  title: z.string().min(3),
  /** A part may be planned before it has chapters; the sidebar and map skip it until then. */
  chapters: z.array(ChapterSchema),
});

export const OutlineSchema = z
  .object({
    /** The welcome page, first in the sidebar, outside any part. */
    intro: z.string().min(1),
    parts: z.array(PartSchema).min(1),
  })
  .superRefine((o, ctx) => {
    const chapters = new Set<string>();
    const exercises = new Set<string>();
    const parts = new Set<string>();
    o.parts.forEach((p, pi) => {
      if (parts.has(p.id))
        ctx.addIssue({code: 'custom', path: ['parts', pi, 'id'], message: `part "${p.id}" is listed twice`});
      parts.add(p.id);
      p.chapters.forEach((c, ci) => {
        const at = ['parts', pi, 'chapters', ci];
        if (chapters.has(c.id))
          ctx.addIssue({code: 'custom', path: [...at, 'id'], message: `chapter "${c.id}" is listed twice`});
        chapters.add(c.id);
        c.exercises.forEach((id, ei) => {
          // The folder decides the chapter, so the outline cannot contradict it.
          const folder = c.folder ?? c.id;
          if (!id.startsWith(`${folder}/`)) {
            ctx.addIssue({
              code: 'custom',
              path: [...at, 'exercises', ei],
              message: `"${id}" is listed under chapter "${c.id}" but its folder is not in exercises/${folder}/`,
            });
          }
          if (exercises.has(id))
            ctx.addIssue({code: 'custom', path: [...at, 'exercises', ei], message: `"${id}" is listed twice`});
          exercises.add(id);
        });
      });
    });
  });

export type Outline = z.output<typeof OutlineSchema>;
export type OutlineInput = z.input<typeof OutlineSchema>;
export type Part = z.output<typeof PartSchema>;
export type Chapter = z.output<typeof ChapterSchema>;

/**
 * One thing an author must fix. "error" breaks the site (the build fails);
 * "unfinished" is work still to do before the exercise counts as tested
 * (recordings, near-misses, alternatives): a warning in the build, a failure
 * in `npm run check:exercises`.
 */
export interface Problem {
  file: string;
  problem: string;
  fix: string;
  severity: 'error' | 'unfinished';
}

/** A path as authors see it: relative to where the command runs. */
export const shown = (p: string): string => path.relative(process.cwd(), p) || '.';

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.problem}\n    fix: ${p.fix}`;
}

/** Schema issues as problems in the outline file, one per issue. */
export function outlineProblems(input: unknown, file: string): {outline?: Outline; problems: Problem[]} {
  const r = OutlineSchema.safeParse(input);
  if (r.success) return {outline: r.data, problems: []};
  return {
    problems: r.error.issues.map((i) => ({
      file,
      problem: `${i.path.join('.') || '(root)'}: ${i.message}`,
      fix: 'edit that entry so it matches the shape documented in course/schema.ts',
      severity: 'error' as const,
    })),
  };
}
