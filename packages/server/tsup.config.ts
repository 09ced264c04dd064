import { copyFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
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
  // The API reference's renderer ships inside the package, so a packed server serves /docs offline
  // (src/docs/redoc-bundle.ts).
  async onSuccess() {
    await mkdir('dist/assets', { recursive: true });
    await copyFile(
      createRequire(import.meta.url).resolve('redoc/bundles/redoc.standalone.js'),
      'dist/assets/redoc.standalone.js',
    );
  },
});
