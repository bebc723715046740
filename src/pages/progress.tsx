import React, {type ReactNode} from 'react';
import Layout from '@theme/Layout';
import Heading from '@theme/Heading';
import CourseMap from '@site/src/components/CourseMap';
import ProgressTools from '@site/src/components/ProgressTools';
import SavedMachines from '@site/src/components/ProgressTools/SavedMachines';

export default function ProgressPage(): ReactNode {
  return (
    <Layout title="My progress" description="Your solved netlab exercises, chapter by chapter.">
      <main className="container margin-vert--xl" style={{maxWidth: 860}}>
        <Heading as="h1">My progress</Heading>
        <CourseMap />
        <ProgressTools />
        <SavedMachines />
      </main>
    </Layout>
  );
}
