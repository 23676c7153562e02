// Lists functions longer than a limit (default 100 lines) and lines over 120 columns in src/.
// `node scripts/long-functions.mjs [limit]`; used for the house rule's size figures (docs/architecture.md).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const limit = Number(process.argv[2] ?? 100);
const files = [];
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else if (path.endsWith('.ts')) files.push(path);
  }
};
walk('src');
const long = [];
let wide = 0;
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  wide += text.split('\n').filter((line) => line.length > 120).length;
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body) {
      const start = source.getLineAndCharacterOfPosition(node.getStart()).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const lines = end - start + 1;
      const name = node.name?.getText() ?? node.parent?.name?.getText?.() ?? '(anonymous)';
      if (lines > limit) long.push({ file, name, lines });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
long.sort((a, b) => b.lines - a.lines);
for (const f of long) console.log(`${f.lines}\t${f.name}\t${f.file}`);
console.log(`${long.length} functions over ${limit} lines; ${wide} lines over 120 columns in src/`);
