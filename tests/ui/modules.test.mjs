// Every module of the page loads under node as the window loads it: importing one touches
// neither the DOM nor Tauri until it is called. (app.js is left out: it starts the window.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const UI = fileURLToPath(new URL('../../ui/', import.meta.url));

function modules(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return modules(path);
    return entry.name.endsWith('.js') ? [path] : [];
  });
}

test('every page module and view imports without a window', async () => {
  const found = modules(UI).filter((path) => relative(UI, path) !== 'app.js');
  assert.ok(found.some((path) => relative(UI, path) === join('views', 'settings', 'sync.js')));
  for (const path of found) {
    await assert.doesNotReject(import(pathToFileURL(path).href), relative(UI, path));
  }
});

/** The modules `entry` imports statically, and theirs, as paths relative to ui/. */
function staticGraph(entry, seen = new Set()) {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(join(UI, entry), 'utf8');
  const imports = /^\s*import\s+(?:[^'";]*?\s+from\s+)?['"](\.[^'"]+)['"]/gm;
  for (const [, spec] of source.matchAll(imports)) {
    staticGraph(posix.normalize(posix.join(posix.dirname(entry), spec)), seen);
  }
  return seen;
}

test('index.html preloads exactly the modules of the window and its first screen', () => {
  const html = readFileSync(join(UI, 'index.html'), 'utf8');
  const preloaded = [...html.matchAll(/<link rel="modulepreload" href="([^"]+)">/g)].map((m) => m[1]);
  const needed = new Set([...staticGraph('app.js'), ...staticGraph('views/today.js')]);
  needed.delete('app.js');
  assert.equal(new Set(preloaded).size, preloaded.length, 'a module preloaded twice');
  assert.deepEqual([...preloaded].sort(), [...needed].sort());
});
