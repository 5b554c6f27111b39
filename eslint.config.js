// @ts-check
import eslintPluginAstro from 'eslint-plugin-astro';
import tseslint from 'typescript-eslint';

export default [
  {
    ignores: [
      'dist/',
      'dist-examples/',
      'dist-fixtures/',
      '.astro/',
      // Astro's generated files for the content tests' fixture root (tests/content/).
      'tests/fixtures/.astro/',
      'node_modules/',
      'public/pagefind/',
      '.bench/',
      'bench/tmp/',
    ],
  },
  ...tseslint.configs.recommended,
  ...eslintPluginAstro.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // `*.client.ts` runs in the browser: it may not reach for Node or Astro's server modules.
    files: ['**/*.client.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(node:|astro:|astro/)',
              message: 'A *.client.ts file runs in the browser: no node:* or astro:* imports.',
            },
          ],
        },
      ],
    },
  },
];
