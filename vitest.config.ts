import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@hdld/source'] },
  ssr: { resolve: { conditions: ['@hdld/source'] } },
  test: {
    include: [
      'packages/*/test/**/*.test.ts',
      'packages/*/test/**/*.test.tsx',
      'examples/*/test/**/*.test.ts',
    ],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
