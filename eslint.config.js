// Lint rules for the TypeScript sources, tests, eval and scripts. Formatting is Prettier's job
// (.prettierrc.json); the only layout rule here is the 120-column limit, which Prettier cannot
// enforce on long strings and comments.
import js from '@eslint/js';
import stylistic from '@stylistic/eslint-plugin';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'data/**', 'eval/reports/**', 'knowledge/**', 'src/console/assets/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    plugins: { '@stylistic': stylistic },
    rules: {
      '@stylistic/max-len': ['error', { code: 120, ignoreUrls: true, ignoreRegExpLiterals: true }],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-console': 'off',
      // Input sanitising and the PostgreSQL NUL guard match control characters on purpose.
      'no-control-regex': 'off',
    },
  },
  {
    // Plain Node scripts used as test fixtures (a fake CLI the eval tests spawn).
    files: ['**/*.mjs'],
    languageOptions: { globals: { process: 'readonly', console: 'readonly' } },
  },
);
