/**
 * `pnpm gen`: bundles the split spec and generates everything derived from it into src/generated/.
 * `pnpm gen:check`: regenerates in memory and fails when a committed file differs (CI drift check).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';
import { bundleSpec } from './bundle.js';
import { type JsonSchema, referencedSchemas, schemaRefName, zodExpression } from './zod-from-schema.js';

const HEADER = [
  '// GENERATED FILE - DO NOT EDIT.',
  '// Source: packages/spec/openapi/**. Edit the spec, then run `pnpm gen` (CI fails when this file drifts).',
  '',
].join('\n');
const outDir = fileURLToPath(new URL('../src/generated/', import.meta.url));

type Catalog = { version: string; typeBase: string; codes: Record<string, unknown> };

function orderByDependencies(schemas: Record<string, JsonSchema>): { order: string[]; cyclic: Set<string> } {
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const cyclic = new Set<string>();
  const visit = (name: string) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting') {
      cyclic.add(name);
      return;
    }
    state.set(name, 'visiting');
    for (const dep of referencedSchemas(schemas[name])) visit(dep);
    state.set(name, 'done');
    order.push(name);
  };
  for (const name of Object.keys(schemas).sort()) visit(name);
  return { order, cyclic };
}

function zodModule(schemas: Record<string, JsonSchema>): string {
  const { order, cyclic } = orderByDependencies(schemas);
  const varName = (ref: string) => {
    const target = schemaRefName(ref);
    return cyclic.has(target) ? `z.lazy(() => ${target}Schema)` : `${target}Schema`;
  };
  const lines = [HEADER, "import { z } from 'zod';", ''];
  for (const name of order) {
    lines.push(`export const ${name}Schema = ${zodExpression(schemas[name]!, varName, name)};`, '');
  }
  lines.push('/** Every component schema of the spec, by name. */', 'export const schemas = {');
  for (const name of Object.keys(schemas).sort()) lines.push(`  ${name}: ${name}Schema,`);
  lines.push('} as const;', '');
  return lines.join('\n');
}

function catalogModule(catalog: Catalog): string {
  return [
    HEADER,
    `export const errorCatalog = ${JSON.stringify(catalog, null, 2)} as const;`,
    '',
    'export type ErrorCode = keyof typeof errorCatalog.codes;',
    '',
  ].join('\n');
}

function assertCatalogMatchesEnum(doc: Record<string, unknown>, catalog: Catalog): void {
  const components = doc.components as { schemas: Record<string, JsonSchema> };
  const enumCodes = [...(components.schemas.ErrorCode?.enum ?? [])].map(String).sort();
  const catalogCodes = Object.keys(catalog.codes).sort();
  const missing = catalogCodes.filter((c) => !enumCodes.includes(c));
  const extra = enumCodes.filter((c) => !catalogCodes.includes(c));
  if (missing.length || extra.length) {
    throw new Error(
      `ErrorCode enum and x-error-catalog differ. Not in enum: ${missing.join(', ') || '-'}; not in catalog: ${extra.join(', ') || '-'}`,
    );
  }
}

async function generate(): Promise<Record<string, string>> {
  const doc = await bundleSpec();
  const catalog = doc['x-error-catalog'] as Catalog;
  assertCatalogMatchesEnum(doc, catalog);
  const schemas = (doc.components as { schemas: Record<string, JsonSchema> }).schemas;
  const types = astToString(await openapiTS(structuredClone(doc) as never, { alphabetize: false }));
  const stamped = { 'x-generated': 'GENERATED FILE - DO NOT EDIT. Source: packages/spec/openapi/**', ...doc };
  return {
    'openapi.json': `${JSON.stringify(stamped, null, 2)}\n`,
    'document.ts': `${HEADER}export const openapiDocument = ${JSON.stringify(doc, null, 2)} as const;\n`,
    'types.ts': `${HEADER}${types}`,
    'zod.ts': zodModule(schemas),
    'error-catalog.json': `${JSON.stringify({ $comment: 'GENERATED FILE - DO NOT EDIT. Source: packages/spec/openapi/errors/catalog.yaml', ...catalog }, null, 2)}\n`,
    'error-catalog.ts': catalogModule(catalog),
  };
}

const files = await generate();
if (process.argv.includes('--check')) {
  const drifted = Object.entries(files)
    .filter(([name, text]) => {
      const path = join(outDir, name);
      return !existsSync(path) || readFileSync(path, 'utf8') !== text;
    })
    .map(([name]) => name);
  if (drifted.length > 0) {
    console.error(
      `Generated files are out of date: ${drifted.join(', ')}.\nRun \`pnpm gen\` and commit the result.`,
    );
    process.exit(1);
  }
  console.error('Generated files match the spec.');
} else {
  mkdirSync(outDir, { recursive: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
  console.error(`Generated ${Object.keys(files).length} files in packages/spec/src/generated/.`);
}
