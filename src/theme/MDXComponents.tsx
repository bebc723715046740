/**
 * Makes the course components available in every MDX file without imports,
 * so instructors write `<Lab />` and `<Exercise id="..." />` directly.
 */
import MDXComponents from '@theme-original/MDXComponents';
import Lab from '@site/src/components/Lab';
import Exercise from '@site/src/components/Exercise';
import OpenCapture from '@site/src/components/OpenCapture';

export default {
  ...MDXComponents,
  Lab,
  Exercise,
  OpenCapture,
};
