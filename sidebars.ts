import type {SidebarsConfig} from '@docusaurus/plugin-content-docs';

// Each chapter page carries `chapter` in customProps so the sidebar can show
// that chapter's solved-exercise count next to its link.
export default {
  course: [
    'intro',
    {
      type: 'category',
      label: 'Layer 2',
      collapsible: false,
      items: [
        {type: 'doc', id: 'bridges', customProps: {chapter: 'bridges'}},
        {type: 'doc', id: 'vlans', customProps: {chapter: 'vlans'}},
      ],
    },
    {
      type: 'category',
      label: 'Layer 3 and beyond',
      collapsible: false,
      items: [{type: 'doc', id: 'nat', customProps: {chapter: 'nat'}}],
    },
  ],
} satisfies SidebarsConfig;
