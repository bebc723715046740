import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';
import outline from './course/outline';
import {courseSidebar} from './course/sidebar';

// The sidebar is the course outline (course/outline.ts): edit chapters there.
export default {
  course: courseSidebar(outline),
} satisfies SidebarsConfig;
