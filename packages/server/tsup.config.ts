import { defineConfig } from 'tsup';

export default defineConfig({
  // The document checks run on worker threads, which load their own entry (pipeline/document-checks-pool.ts).
  entry: {
    index: 'src/index.ts',
    main: 'src/main.ts',
    'document-checks-worker': 'src/pipeline/document-checks-worker.ts',
  },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
