/**
 * Builds the course sidebar from the outline. sidebars.ts calls it, so the
 * docs plugin sees exactly the outline's chapters, and a chapter whose doc is
 * missing fails with the outline's fix rather than Docusaurus's generic one.
 */
import type {Outline} from './schema';
import {checkOutlineDocs, REPO_PATHS, type CoursePaths} from './outlineCheck';
import {formatProblem, outlineProblems} from './schema';

export interface SidebarDoc {
  type: 'doc';
  id: string;
  label: string;
  /** Read by src/theme/DocSidebarItem/Link to show "solved/total". */
  customProps: {chapter: string};
}
export interface SidebarCategory {
  type: 'category';
  label: string;
  collapsible: false;
  items: SidebarDoc[];
}

export function sidebarItems(outline: Outline): (string | SidebarCategory)[] {
  return [
    outline.intro,
    // Planned parts with no chapters yet stay out: Docusaurus rejects empty categories.
    ...outline.parts
      .filter((p) => p.chapters.length > 0)
      .map((p): SidebarCategory => ({
        type: 'category',
        label: p.title,
        collapsible: false,
        items: p.chapters.map((c) => ({type: 'doc', id: c.doc, label: c.title, customProps: {chapter: c.id}})),
      })),
  ];
}

/** Validates the outline and its docs, then builds the sidebar; throws every problem at once. */
export function courseSidebar(input: unknown, paths: CoursePaths = REPO_PATHS): (string | SidebarCategory)[] {
  const {outline, problems} = outlineProblems(input, 'course/outline.ts');
  if (outline) problems.push(...checkOutlineDocs(outline, paths));
  if (!outline || problems.length) {
    throw new Error(`The course outline is invalid:\n${problems.map(formatProblem).join('\n')}`);
  }
  return sidebarItems(outline);
}
