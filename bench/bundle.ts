// The dashboard's initial JavaScript against its budget.
//   npm run bench:bundle [-- --no-build]
// Builds the dashboard for production, then sums the JavaScript a first
// visit downloads before any page is shown: the entry script and the
// modulepreloads of index.html and, from Vite's manifest, every chunk they
// import statically. Route chunks loaded with import() are not counted.
// Prints each file's gzipped size (level 9) and exits 1 over the budget.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const BUDGET_BYTES = 250_000; // 250 kB gzipped, kB as Vite counts them
const root = join(__dirname, '..');
const dist = join(root, 'dist/dashboard');

interface ManifestChunk {
  file: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
}

const { values } = parseArgs({
  options: { 'no-build': { type: 'boolean', default: false } },
});

/** Script and modulepreload URLs of index.html, as dist-relative paths. */
function initialScripts(html: string): string[] {
  const urls = [
    ...html.matchAll(/<script\b[^>]*\btype="module"[^>]*\bsrc="([^"]+)"/g),
    ...html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g),
  ].map((match) => match[1].replace(/^\//, ''));
  return [...new Set(urls)];
}

/** The files, plus every chunk they import statically (not import()). */
function withStaticImports(
  files: readonly string[],
  manifest: Record<string, ManifestChunk>,
): string[] {
  const byFile = new Map(
    Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]),
  );
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const key = byFile.get(file);
    for (const imported of (key && manifest[key].imports) || [])
      visit(manifest[imported].file);
  };
  files.forEach(visit);
  return [...seen];
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function main(): number {
  if (!values['no-build'])
    execFileSync('npx', ['nx', 'run', 'dashboard:build'], {
      cwd: root,
      stdio: ['ignore', 'ignore', 'inherit'],
    });
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const manifest = JSON.parse(
    readFileSync(join(dist, '.vite/manifest.json'), 'utf8'),
  ) as Record<string, ManifestChunk>;

  const initial = withStaticImports(initialScripts(html), manifest);
  const lazy = Object.values(manifest)
    .map((chunk) => chunk.file)
    .filter((file) => file.endsWith('.js') && !initial.includes(file));
  const sizes = initial.map((file) => {
    const bytes = readFileSync(join(dist, file));
    return {
      file,
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
    };
  });
  const total = sizes.reduce((sum, s) => sum + s.gzip, 0);

  process.stdout.write('Initial JavaScript of the dashboard (gzip -9):\n');
  for (const s of sizes)
    process.stdout.write(
      `  ${s.file.padEnd(36)} ${kB(s.gzip).padStart(9)}  (${kB(s.raw)} raw)\n`,
    );
  process.stdout.write(
    `  ${'total'.padEnd(36)} ${kB(total).padStart(9)}  budget ${kB(BUDGET_BYTES)}\n` +
      `Not counted: ${lazy.length} chunks loaded on demand (routes, charts).\n`,
  );
  if (total > BUDGET_BYTES) {
    process.stdout.write(`Over budget by ${kB(total - BUDGET_BYTES)}.\n`);
    return 1;
  }
  process.stdout.write(
    `Within budget (${kB(BUDGET_BYTES - total)} to spare).\n`,
  );
  return 0;
}

process.exitCode = main();
