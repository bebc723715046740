/**
 * Renders a Mermaid diagram only once it is about to scroll into view. Mermaid
 * is several hundred KB of JavaScript; a learner who reads the start of a
 * lesson, or only uses the lab, should not pay for diagrams further down.
 */
import React, {useEffect, useRef, useState, type ReactNode} from 'react';
import Mermaid from '@theme-original/Mermaid';
import type MermaidType from '@theme/Mermaid';
import type {WrapperProps} from '@docusaurus/types';
import styles from './styles.module.css';

type Props = WrapperProps<typeof MermaidType>;

export default function LazyMermaid(props: Props): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const [near, setNear] = useState(false);
  useEffect(() => {
    const el = ref.current;
    if (!el || near) return undefined;
    if (typeof IntersectionObserver === 'undefined') {
      setNear(true);
      return undefined;
    }
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) setNear(true);
      },
      {rootMargin: '200px 0px'},
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [near]);
  return (
    <div
      ref={ref}
      className={near ? undefined : styles.placeholder}
      role={near ? undefined : 'img'}
      aria-label={near ? undefined : 'Diagram (loads when scrolled into view)'}>
      {near && <Mermaid {...props} />}
    </div>
  );
}
