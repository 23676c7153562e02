// Fails when the folders of src/ import each other in a cycle (e.g. forecast/ -> erlang/ -> forecast/),
// which the per-file cycle rule of dependency-cruiser does not see. Part of `npm run check:architecture`.
import { cruise } from 'dependency-cruiser';

const result = await cruise(['src'], {
  doNotFollow: { path: 'node_modules' },
  tsPreCompilationDeps: true,
  exclude: { path: '^src/web/static/' },
});
const folderOf = (path) => {
  const parts = path.split('/');
  // src/scheduler/<part>/ and src/app/<part>/ are rooms of their own; a top-level file is its own room.
  if (parts.length <= 2) return path;
  return ['scheduler'].includes(parts[1]) && parts.length > 3
    ? parts.slice(0, 3).join('/')
    : parts.slice(0, 2).join('/');
};
const edges = new Map();
for (const module of result.output.modules) {
  if (!module.source.startsWith('src/')) continue;
  const from = folderOf(module.source);
  for (const dep of module.dependencies) {
    if (!dep.resolved.startsWith('src/')) continue;
    const to = folderOf(dep.resolved);
    if (to === from) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, `${module.source} -> ${dep.resolved}`);
  }
}
// Tarjan's strongly connected components: any component of two or more folders is a cycle.
let index = 0;
const stack = [];
const info = new Map();
const cycles = [];
const visit = (v) => {
  info.set(v, { index, low: index, onStack: true });
  index++;
  stack.push(v);
  for (const w of edges.get(v)?.keys() ?? []) {
    if (!info.has(w)) {
      visit(w);
      info.get(v).low = Math.min(info.get(v).low, info.get(w).low);
    } else if (info.get(w).onStack) info.get(v).low = Math.min(info.get(v).low, info.get(w).index);
  }
  if (info.get(v).low === info.get(v).index) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      info.get(w).onStack = false;
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component);
  }
};
for (const v of edges.keys()) if (!info.has(v)) visit(v);
if (cycles.length > 0) {
  for (const component of cycles) {
    console.error(`folder cycle: ${component.join(' <-> ')}`);
    for (const a of component)
      for (const b of component) {
        const example = edges.get(a)?.get(b);
        if (example) console.error(`  ${example}`);
      }
  }
  process.exit(1);
}
console.log(`no folder cycles (${edges.size} folders)`);
