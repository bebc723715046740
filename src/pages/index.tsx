import React, {type ReactNode} from 'react';
import Layout from '@theme/Layout';
import Link from '@docusaurus/Link';
import Heading from '@theme/Heading';
import CourseMap from '@site/src/components/CourseMap';
import styles from './index.module.css';

const FEATURES = [
  {
    title: 'A real Linux machine',
    text: 'Every lesson boots Debian in your tab. Real kernel, real ip, bridge, iptables and tcpdump: no simulator, no sign-up.',
  },
  {
    title: 'Checked in seconds',
    text: 'Press Check and the lab inspects the machine’s actual state, telling you which parts are right and what is missing.',
  },
  {
    title: 'Yours, offline',
    text: 'Nothing runs on a server. After the first visit the labs work offline, and your progress stays in your browser.',
  },
];

export default function Home(): ReactNode {
  return (
    <Layout description="An interactive course on Linux and Kubernetes networking with a real Linux VM in every lesson.">
      <header className={styles.hero}>
        <div className="container">
          <p className={styles.eyebrow}>Interactive course</p>
          <Heading as="h1" className={styles.title}>
            Learn Linux &amp; Kubernetes networking
            <br />
            <span>on a real machine, in your browser.</span>
          </Heading>
          <p className={styles.lead}>
            Read a short lesson, start the lab, type real commands. Bridges, VLANs, NAT, and on to how Kubernetes wires
            Pods together.
          </p>
          <div className={styles.cta}>
            <Link className="button button--primary button--lg" to="/learn/intro">
              Start the course
            </Link>
            <Link className="button button--secondary button--lg" to="/progress">
              My progress
            </Link>
          </div>
          <pre className={styles.term} aria-label="Example lab session">
            <span className={styles.prompt}>root@netlab:~#</span> ip link add br0 type bridge{'\n'}
            <span className={styles.prompt}>root@netlab:~#</span> ip link set veth-red master br0{'\n'}
            <span className={styles.prompt}>root@netlab:~#</span> ip netns exec red ping -c1 10.0.0.2{'\n'}
            64 bytes from 10.0.0.2: icmp_seq=1 ttl=64 time=0.9 ms
          </pre>
        </div>
      </header>
      <main className="container margin-vert--xl">
        <div className={styles.features}>
          {FEATURES.map((f) => (
            <div key={f.title} className={styles.feature}>
              <Heading as="h2">{f.title}</Heading>
              <p>{f.text}</p>
            </div>
          ))}
        </div>
        <Heading as="h2" className={styles.sectionTitle}>
          Chapters
        </Heading>
        <CourseMap compact />
      </main>
    </Layout>
  );
}
