/**
 * Wraps the sidebar link to show "solved/total" for chapter pages. The
 * original spreads extra props onto its <a>, so data attributes plus a CSS
 * ::after badge avoid copying the component.
 */
import React, {type ReactNode} from 'react';
import Link from '@theme-original/DocSidebarItem/Link';
import type LinkType from '@theme/DocSidebarItem/Link';
import type {WrapperProps} from '@docusaurus/types';
import {useChapterProgress} from '@site/src/components/Progress/course';

type Props = WrapperProps<typeof LinkType>;

export default function LinkWrapper(props: Props): ReactNode {
  const chapters = useChapterProgress();
  const chapter = props.item.customProps?.chapter;
  const entry = typeof chapter === 'string' ? chapters.get(chapter) : undefined;
  if (!entry || entry.total === 0) return <Link {...props} />;
  const complete = entry.solved === entry.total;
  return (
    <Link
      {...props}
      data-progress={complete ? `✓ ${entry.solved}/${entry.total}` : `${entry.solved}/${entry.total}`}
      data-complete={complete}
      title={`${entry.solved} of ${entry.total} exercises solved`}
    />
  );
}
