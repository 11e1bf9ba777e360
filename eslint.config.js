// Lint and layering. Imports flow one way: shared <- engine <- platform/storage <- main/cli.
// renderer imports only shared types. Like VS Code's `code-layering` rule, but with the stock
// `no-restricted-imports`.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const layer = (files, forbidden, message) => ({
  files,
  rules: {
    'no-restricted-imports': [
      'error',
      { patterns: forbidden.map((group) => ({ group: [group], message })) },
    ],
  },
});

const upper = ['**/platform/**', '**/storage/**', '**/main/**', '**/cli/**', '**/preload/**', '**/renderer/**'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'dist/**', 'out/**', 'renderer/dist/**', 'tests/fixtures/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  layer(['src/shared/**'], ['**/engine/**', ...upper, 'node:*', 'electron'], 'shared is the bottom layer: plain types and pure helpers only.'),
  layer(
    ['src/engine/**'],
    [...upper, 'node:child_process', 'child_process', 'node:fs', 'fs', 'node:fs/promises', 'node:net', 'electron', 'better-sqlite3', 'koffi', 'native-reg'],
    'engine decides; it reaches the OS only through the ports in src/engine/ports.ts.',
  ),
  layer(['src/platform/**', 'src/storage/**'], ['**/main/**', '**/cli/**', '**/preload/**', '**/renderer/**', 'electron'], 'adapters sit below main/cli.'),
  layer(['src/cli/**'], ['**/main/**', '**/preload/**', '**/renderer/**', 'electron'], 'the CLI is a front door onto the engine, not onto Electron.'),
  layer(['renderer/**'], ['**/engine/**', ...upper.filter((p) => p !== '**/renderer/**'), 'node:*', 'electron'], 'the renderer speaks to main only through window.scarestop; it may import src/shared types.'),
  { files: ['renderer/**'], languageOptions: { globals: { ...globals.browser } } },
  // Scripts of our own scam test pages run in the browser under test.
  { files: ['tests/e2e/**/*.js'], languageOptions: { globals: { ...globals.browser } } },
);
