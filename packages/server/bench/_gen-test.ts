import { loadBenchContracts } from './contracts.js';

const t = performance.now();
const r = await loadBenchContracts(Number(process.argv[2] ?? 3), console.log);
console.log(
  r.generated,
  r.contracts.length,
  r.contracts[0]?.pdfBytes,
  ((performance.now() - t) / Math.max(1, r.generated)).toFixed(0),
  'ms each',
  r.dir,
);
