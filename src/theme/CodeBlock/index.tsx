/**
 * Shell code blocks in a lesson get a "Run in terminal" button while the
 * page's lab is running, so a learner can follow a walkthrough without
 * retyping it. Without a running lab the block is the ordinary one.
 *
 * A block whose meta says `editInLab` (```ini title="/etc/dnsmasq.conf"
 * editInLab, or editInLab=/path when the title is not the path) gets an
 * "Edit in lab" button: see src/components/FileEditor/store.ts.
 */
import React, {type ReactNode} from 'react';
import CodeBlock from '@theme-original/CodeBlock';
import type CodeBlockType from '@theme/CodeBlock';
import type {WrapperProps} from '@docusaurus/types';
import {labStore, useLabState} from '@site/src/components/Lab/labStore';
import {TABS} from '@site/src/components/Lab/Tabs';
import {editInLab} from '@site/src/components/FileEditor/store';
import {editPath} from '@site/src/components/FileEditor/meta';
import styles from './styles.module.css';

type Props = WrapperProps<typeof CodeBlockType>;

const SHELLS = new Set(['bash', 'sh', 'shell', 'console']);

function languageOf(props: Props): string | undefined {
  return props.language ?? /language-(\w+)/.exec(props.className ?? '')?.[1];
}

export default function CodeBlockWrapper(props: Props): ReactNode {
  const lab = useLabState();
  const code = typeof props.children === 'string' ? props.children.trimEnd() : null;
  const editable = code === null ? null : editPath(props.metastring, props.title);
  if (code !== null && editable) {
    return (
      <div className={styles.wrap}>
        <CodeBlock {...props} />
        <button
          type="button"
          className={styles.run}
          title={`Open ${editable} of the lab's VM in the Files tab, with this text at hand`}
          onClick={() => editInLab(editable, `${code}\n`)}>
          ✎ Edit in lab
        </button>
      </div>
    );
  }
  const runnable = code !== null && SHELLS.has(languageOf(props) ?? '') && lab.status === 'ready';
  if (!runnable) return <CodeBlock {...props} />;
  // With a tool tab (Files) in front, commands go to the first terminal, which comes to the front.
  const terminal = lab.activeTerminal < TABS.length ? lab.activeTerminal : 0;
  return (
    <div className={styles.wrap}>
      <CodeBlock {...props} />
      <button
        type="button"
        className={styles.run}
        title={`Type this into terminal ${terminal + 1} of the lab`}
        // Lines are sent as typed keystrokes, each ended by Enter, as if typed by hand.
        onClick={() => {
          labStore.setActiveTerminal(terminal);
          labStore.sendInput(terminal, `${code.replace(/\n/g, '\r')}\r`);
        }}>
        ▶ Run in terminal
      </button>
    </div>
  );
}
