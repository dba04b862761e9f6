// Compiles the API and the libraries it uses to CommonJS under dist/api with
// SWC (type checking is the separate `typecheck` target). Aliases are
// rewritten to relative paths, so `node dist/api/apps/api/src/main.js` runs.
const fs = require('node:fs');
const path = require('node:path');
const { transformFileSync } = require('@swc/core');
const swcOptions = require('./swc-options.cjs');

const root = path.resolve(__dirname, '..');
const outDir = path.join(root, 'dist/api');
const sources = [
  'apps/api/src',
  'libs/api',
  'libs/domain/src',
  'libs/import-engine/src',
  'libs/metrics',
  'seeds/src',
];

function* sourceFiles(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* sourceFiles(full);
    else if (/\.ts$/.test(entry.name) && !/\.(spec|d)\.ts$/.test(entry.name))
      yield full;
  }
}

fs.rmSync(outDir, { recursive: true, force: true });
let count = 0;
for (const source of sources) {
  for (const file of sourceFiles(path.join(root, source))) {
    const out = path
      .join(outDir, path.relative(root, file))
      .replace(/\.ts$/, '.js');
    const { code, map } = transformFileSync(file, {
      ...swcOptions,
      swcrc: false,
      filename: file,
      outputPath: out,
    });
    fs.mkdirSync(path.dirname(out), { recursive: true });
    fs.writeFileSync(
      out,
      `${code}\n//# sourceMappingURL=${path.basename(out)}.map`,
    );
    fs.writeFileSync(`${out}.map`, map);
    count++;
  }
}
console.log(`Compiled ${count} files to ${path.relative(root, outDir)}`);
