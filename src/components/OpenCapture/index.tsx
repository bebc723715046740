/**
 * <OpenCapture path="/root/handshake.pcap" />: a button in the lesson text
 * that opens the lab's packet panel on that file.
 */
import React, {type ReactNode} from 'react';
import {packetPanel} from '@site/src/components/PacketView/store';
import styles from './styles.module.css';

export default function OpenCapture({path, children}: {path: string; children?: ReactNode}): ReactNode {
  return (
    <button type="button" className={styles.open} onClick={() => packetPanel.openCapture(path)}>
      <span aria-hidden="true">⧉ </span>
      {children ?? <>Open {path} in the packet view</>}
    </button>
  );
}
