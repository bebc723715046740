import type {Config} from '@docusaurus/types';
import type * as Preset from '@docusaurus/preset-classic';
import {themes as prismThemes} from 'prism-react-renderer';
import exercisesPlugin from './src/plugins/exercises';
import monacoPlugin from './src/plugins/monaco';

export default {
  title: 'netlab',
  tagline: 'Linux and Kubernetes networking, learned on a real Linux machine in your browser',
  favicon: 'img/logo.svg',
  url: 'https://netlab.example.org',
  // Relative asset URLs are not an option in Docusaurus; a site hosted under a
  // sub-path sets NETLAB_BASE_URL at build time instead.
  baseUrl: process.env.NETLAB_BASE_URL ?? '/',
  trailingSlash: false,
  onBrokenLinks: 'throw',
  onBrokenAnchors: 'throw',
  onDuplicateRoutes: 'throw',
  i18n: {defaultLocale: 'en', locales: ['en']},
  markdown: {
    mermaid: true,
    hooks: {onBrokenMarkdownLinks: 'throw'},
  },
  themes: [
    '@docusaurus/theme-mermaid',
    [
      // Offline full-text search: the index is built from the static pages at
      // build time and searched in a web worker in the page; no query leaves
      // the browser. Lessons only: exercise tasks are part of their lesson's
      // HTML (see src/components/Exercise/taskLoader.tsx). The lab's own
      // buttons and notes would match every lesson, so they are left out.
      '@easyops-cn/docusaurus-search-local',
      {
        indexDocs: true,
        indexBlog: false,
        indexPages: false,
        docsRouteBasePath: 'learn',
        language: ['en'],
        hashed: true,
        explicitSearchResultPath: true,
        ignoreCssSelectors: ['section[aria-label="Lab"]'],
      },
    ],
  ],
  presets: [
    [
      'classic',
      {
        docs: {
          routeBasePath: 'learn',
          sidebarPath: './sidebars.ts',
          showLastUpdateTime: false,
        },
        blog: false,
        theme: {customCss: './src/css/custom.css'},
      } satisfies Preset.Options,
    ],
  ],
  plugins: [exercisesPlugin, monacoPlugin],
  clientModules: ['./src/plugins/offline/register.ts'],
  themeConfig: {
    colorMode: {respectPrefersColorScheme: true},
    navbar: {
      title: 'netlab',
      logo: {alt: 'netlab', src: 'img/logo.svg'},
      items: [
        {type: 'docSidebar', sidebarId: 'course', position: 'left', label: 'Course'},
        {to: '/progress', label: 'My progress', position: 'left'},
      ],
    },
    footer: {
      style: 'dark',
      copyright: 'netlab — every lab runs a real Debian Linux VM inside your browser tab. Nothing is sent to a server.',
    },
    docs: {sidebar: {hideable: true}},
    prism: {
      theme: prismThemes.github,
      darkTheme: prismThemes.dracula,
      additionalLanguages: ['bash'],
    },
    mermaid: {theme: {light: 'neutral', dark: 'dark'}},
  } satisfies Preset.ThemeConfig,
} satisfies Config;
