// Every module of the page loads under node as the window loads it: importing one touches
// neither the DOM nor Tauri until it is called. (app.js is left out: it starts the window.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
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
