/**
 * Summarises a V8 CPU profile (node:inspector Profiler.Profile): self time per function and per
 * "place" (a package under node_modules, a source folder of this repository, Node internals, GC).
 */
export type CpuProfile = {
  nodes: {
    id: number;
    callFrame: { functionName: string; url: string; lineNumber: number };
    children?: number[];
  }[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
};

export type ProfileEntry = { name: string; ms: number; share: number };
export type ProfileSummary = {
  totalMs: number;
  idleShare: number;
  functions: ProfileEntry[];
  places: ProfileEntry[];
};

/** Where a function lives, coarse enough to aggregate: `pdf-lib`, `server/src/pipeline`, `(gc)`. */
export function placeOf(url: string, functionName: string): string {
  if (!url) {
    if (functionName === '(garbage collector)') return '(gc)';
    if (functionName === '(idle)') return '(idle)';
    if (functionName === '(program)') return '(program: native, unattributed)';
    return '(native)';
  }
  const modules = url.lastIndexOf('node_modules/');
  if (modules >= 0) {
    const rest = url.slice(modules + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  if (url.startsWith('node:')) return `node:${url.slice(5).split('/')[0]}`;
  const repo = url.match(/packages\/([^/]+)\/src\/([^/]+)(?:\/([^/]+))?/);
  if (repo) {
    const [, pkg, folder, sub] = repo;
    return sub && !sub.includes('.') ? `${pkg}/src/${folder}/${sub}` : `${pkg}/src/${folder}`;
  }
  return url.replace(/^file:\/\//, '');
}

/**
 * Self time per function, and per place where native frames (regular expressions, syscalls such as
 * socket writes) are charged to the nearest caller in a package or in this repository, so that "where"
 * answers who asked for the work. `inclusive` is the time with the function anywhere on the stack.
 */
export function summarizeProfile(
  profile: CpuProfile,
  top = 15,
): ProfileSummary & { inclusive: ProfileEntry[] } {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id);
  const selfUs = new Map<number, number>();
  for (let i = 0; i < profile.samples.length; i++) {
    const id = profile.samples[i]!;
    // timeDeltas[i] is the time before sample i; attribute the following interval to it.
    const delta = profile.timeDeltas[i + 1] ?? 0;
    selfUs.set(id, (selfUs.get(id) ?? 0) + Math.max(0, delta));
  }
  const owner = (id: number): string => {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(garbage collector)' || frame.functionName === '(program)') {
      return placeOf(frame.url, frame.functionName);
    }
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const url = byId.get(cur)!.callFrame.url;
      if (url && !url.startsWith('node:')) return placeOf(url, '');
    }
    return placeOf(frame.url, frame.functionName);
  };
  const functions = new Map<string, number>();
  const places = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let totalUs = 0;
  let idleUs = 0;
  const label = (frame: CpuProfile['nodes'][number]['callFrame']) => {
    const place = placeOf(frame.url, frame.functionName);
    const file = frame.url ? frame.url.split('/').slice(-1)[0] : '';
    return `${frame.functionName || '(anonymous)'} ${file ? `(${place}: ${file}:${frame.lineNumber + 1})` : ''}`.trim();
  };
  for (const [id, us] of selfUs) {
    const frame = byId.get(id)?.callFrame;
    if (!frame) continue;
    totalUs += us;
    if (frame.functionName === '(idle)') {
      idleUs += us;
      continue;
    }
    functions.set(label(frame), (functions.get(label(frame)) ?? 0) + us);
    const place = owner(id);
    places.set(place, (places.get(place) ?? 0) + us);
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const f = byId.get(cur)!.callFrame;
      if (!f.url || f.url.startsWith('node:')) continue;
      const name = label(f);
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + us);
    }
  }
  const busyUs = totalUs - idleUs || 1;
  const entries = (map: Map<string, number>, n = top) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([name, us]) => ({ name, ms: us / 1000, share: us / busyUs }));
  return {
    totalMs: totalUs / 1000,
    idleShare: idleUs / (totalUs || 1),
    functions: entries(functions),
    places: entries(places),
    inclusive: entries(inclusive, 200),
  };
}
