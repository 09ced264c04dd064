// Child process of signed-contract-cache.ts: `signed-contract-generator.ts <dir> <builder module> <export>`,
// the keys to generate as a JSON array on stdin. A file of its own, because builder modules import the cache.
import { generateInto } from './signed-contract-cache.js';

const [, , dir, module, name] = process.argv;
const chunks: Buffer[] = [];
for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
await generateInto(
  dir!,
  { module: module!, name: name! },
  JSON.parse(Buffer.concat(chunks).toString('utf8')),
);
