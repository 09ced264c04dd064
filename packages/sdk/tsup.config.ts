import { defineConfig } from 'tsup';

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    documents: 'src/documents/index.ts',
    node: 'src/node/index.ts',
    testing: 'src/testing/index.ts',
  },
  format: ['esm', 'cjs'],
  // @hdld/spec is not published on its own: its code (schemas, error catalog) and its types are
  // bundled, so the tarball installs from the npm registry alone (packed-tarball smoke test).
  // openapi-fetch and p-queue are bundled for the CommonJS build: their default exports do not
  // survive esbuild's interop with a `require` of them (openapi-fetch's CJS sets `exports.default`,
  // p-queue is ESM only); openapi-fetch stays a dependency for its types.
  noExternal: ['@hdld/spec', 'openapi-fetch', 'p-queue'],
  dts: { resolve: ['@hdld/spec'] },
  clean: true,
  sourcemap: true,
  target: 'node20',
});
