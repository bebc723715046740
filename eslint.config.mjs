// ESLint for the whole repo (flat config). Formatting is Prettier's job
// (eslint-config-prettier turns the style rules off); these rules catch bugs.
import js from '@eslint/js';
import docusaurus from '@docusaurus/eslint-plugin';
import prettier from 'eslint-config-prettier';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: ['build/', '.docusaurus/', 'node_modules/', 'images/out/', 'images/cache/', 'static/vm/', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx}'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        {argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none'},
      ],
    },
  },
  {
    files: ['src/**/*.{ts,tsx}'],
    plugins: {'@docusaurus': docusaurus, 'react-hooks': reactHooks},
    rules: {
      ...docusaurus.configs.recommended.rules,
      // The course is English only: no i18n wrapper around every string.
      '@docusaurus/string-literal-i18n-messages': 'off',
      // Headings inside the Lab and Exercise widgets are deliberately plain
      // (no anchor links: two exercises on a page would repeat their ids).
      '@docusaurus/prefer-docusaurus-heading': 'off',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
    },
  },
  {
    // The offline worker and browser-side scripts run with browser globals.
    files: ['static/**/*.js'],
    languageOptions: {
      globals: {self: 'readonly', caches: 'readonly', fetch: 'readonly', URL: 'readonly', Response: 'readonly'},
    },
  },
  {
    files: ['**/*.{mjs,cjs,js}'],
    ignores: ['static/**'],
    languageOptions: {globals: {process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly'}},
  },
  prettier,
);
