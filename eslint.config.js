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
    // Astro copies into the bundle every environment variable whose name the text of a module
    // reading the whole `import.meta.env` contains (`_`, `PATH`…): the bundle would then hold the
    // build machine's values and change with the shell, and with it every page's incremental
    // build hash (src/platform/i18n/i18n.ts). Read one variable at a time.
    files: ['src/**/*.{ts,astro}'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            ":not(MemberExpression[optional=false]) > MemberExpression[object.type='MetaProperty'][property.name='env']",
          message:
            'Read one variable (import.meta.env.NAME), not the whole import.meta.env: Astro would copy matching environment variables into the bundle.',
        },
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
