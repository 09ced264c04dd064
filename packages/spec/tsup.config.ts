import { defineConfig } from 'tsup';

const common = {
  format: ['esm', 'cjs'] as ('esm' | 'cjs')[],
  dts: true,
  sourcemap: true,
  target: 'node20' as const,
};

// Two builds, not one with two entries: a shared chunk would leave `from './lang.js'` in
// index.d.ts, which the SDK's bundled declarations cannot follow (attw internal resolution error).
export default defineConfig([
  { ...common, entry: { index: 'src/index.ts' }, clean: ['index.*'] },
  { ...common, entry: { lang: 'src/lang.ts' }, clean: ['lang.*'] },
]);
