// One linter for the whole repository: typescript-eslint on top of ESLint's recommended rules.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'playwright-report/**', 'web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { languageOptions: { globals: { ...globals.node } } },
  {
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-non-null-assertion': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    // Layers point one way: core is pure and imports nothing from the layers above it.
    files: ['src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['../content/*', '../store/*', '../server/*', '../cli/*', '../importers/*', '../export/*'],
              message: 'core imports nothing from the layers above it',
            },
            { group: ['node:*', 'fs', 'path', 'os'], message: 'core does no I/O' },
          ],
        },
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'core is clock-free: take the time as an argument' },
        { object: 'Math', property: 'random', message: 'core is deterministic: take a seed as an argument' },
      ],
    },
  },
);
