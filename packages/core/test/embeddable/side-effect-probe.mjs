/**
 * Preload module (`node --import`) that records side effects made while a module graph is imported.
 *
 * Installed before any user module runs, it wraps:
 * - `process.env` in a Proxy that records get / has / ownKeys / getOwnPropertyDescriptor / set / delete;
 * - every function of `node:fs`, `node:fs/promises`, `node:net`, `node:http`, `node:https`, `node:dns`,
 *   `node:child_process`, `node:timers`, `node:timers/promises`, plus the global timers and `fetch`;
 * - `process.on` / `once` / `addListener` / `prependListener` / `prependOnceListener`.
 *
 * Why this sees ESM named imports: `import { readFileSync } from 'node:fs'` binds, at link time, to a live
 * binding of the built-in module's ESM facade. We patch the CommonJS export objects (the same objects the
 * default exports are) and then call `module.syncBuiltinESMExports()`, which rewrites those live bindings,
 * so modules linked later call the wrappers whether they use a named import, a namespace or the default.
 *
 * Only calls made inside `measure()` count, and only when the immediate caller is a module file: a call
 * whose nearest frame outside this probe is Node's own code (`node:internal/...`, e.g. the module loader
 * resolving and reading the files being imported) is the runtime, not the imported code, and is ignored.
 *
 * As a second, mechanism-independent check, `measure()` diffs `process.getActiveResourcesInfo()` (ref'ed
 * timers, pending fs requests, sockets...) and the listener counts of `process` around the import.
 *
 * Use: `globalThis[Symbol.for('benchhub.sideEffectProbe')].measure(() => import(url))` resolves to the report.
 */
import childProcess from 'node:child_process';
import dns from 'node:dns';
import fs from 'node:fs';
import fsPromises from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import { syncBuiltinESMExports } from 'node:module';
import net from 'node:net';
import timers from 'node:timers';
import timersPromises from 'node:timers/promises';
import { fileURLToPath } from 'node:url';

const probeFile = fileURLToPath(import.meta.url);
const state = { recording: false, ignoredFiles: new Set([probeFile]) };
const report = { env: [], fs: [], network: [], childProcess: [], timers: [], processHandlers: [] };

/** The nearest stack frame outside this probe, or undefined when that frame is Node's own code. */
function callerFrame() {
  const holder = {};
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 50;
  Error.captureStackTrace(holder);
  Error.stackTraceLimit = limit;
  const frames = String(holder.stack).split('\n').slice(1);
  for (const frame of frames) {
    const location = frame.trim().replace(/^at /, '');
    if ([...state.ignoredFiles].some((file) => location.includes(file))) continue;
    if (/\(?node:/.test(location) || location === 'native' || location.includes('(native)')) return undefined;
    return location;
  }
  return undefined;
}

function record(kind, what) {
  if (!state.recording) return;
  const at = callerFrame();
  if (at !== undefined) report[kind].push({ what, at });
}

function wrapFunction(kind, label, original) {
  const wrapper = function (...args) {
    record(kind, typeof args[0] === 'string' ? `${label}(${JSON.stringify(args[0])})` : `${label}()`);
    return new.target ? Reflect.construct(original, args, new.target) : Reflect.apply(original, this, args);
  };
  for (const key of Reflect.ownKeys(original)) {
    if (key === 'length' || key === 'name' || key === 'prototype') continue;
    const descriptor = Object.getOwnPropertyDescriptor(original, key);
    if (descriptor) Object.defineProperty(wrapper, key, descriptor);
  }
  Object.defineProperty(wrapper, 'name', { value: original.name });
  if (original.prototype) wrapper.prototype = original.prototype;
  return wrapper;
}

/** Replaces every function property of a module object whose name starts lowercase (classes are kept). */
function wrapModule(kind, moduleName, exportsObject) {
  for (const key of Object.keys(exportsObject)) {
    const descriptor = Object.getOwnPropertyDescriptor(exportsObject, key);
    if (!descriptor || !('value' in descriptor) || typeof descriptor.value !== 'function') continue;
    if (!/^[a-z]/.test(key) || !descriptor.writable) continue;
    exportsObject[key] = wrapFunction(kind, `${moduleName}.${key}`, descriptor.value);
  }
}

wrapModule('fs', 'fs', fs);
wrapModule('fs', 'fs/promises', fsPromises);
wrapModule('network', 'net', net);
wrapModule('network', 'http', http);
wrapModule('network', 'https', https);
wrapModule('network', 'dns', dns);
wrapModule('childProcess', 'child_process', childProcess);
wrapModule('timers', 'timers', timers);
wrapModule('timers', 'timers/promises', timersPromises);
for (const name of ['setTimeout', 'setInterval', 'setImmediate', 'fetch']) {
  const original = globalThis[name];
  if (typeof original === 'function') {
    globalThis[name] = wrapFunction(name === 'fetch' ? 'network' : 'timers', name, original);
  }
}
for (const method of ['on', 'once', 'addListener', 'prependListener', 'prependOnceListener']) {
  const original = process[method];
  process[method] = function (event, ...rest) {
    record('processHandlers', `process.${method}(${JSON.stringify(String(event))})`);
    return Reflect.apply(original, this, [event, ...rest]);
  };
}
syncBuiltinESMExports();

const realEnv = process.env;
const envKey = (key) => (typeof key === 'symbol' ? key.toString() : key);
process.env = new Proxy(realEnv, {
  get(target, key) {
    record('env', `get ${envKey(key)}`);
    return target[key];
  },
  has(target, key) {
    record('env', `has ${envKey(key)}`);
    return key in target;
  },
  ownKeys(target) {
    record('env', 'ownKeys');
    return Reflect.ownKeys(target);
  },
  getOwnPropertyDescriptor(target, key) {
    record('env', `getOwnPropertyDescriptor ${envKey(key)}`);
    return Reflect.getOwnPropertyDescriptor(target, key);
  },
  set(target, key, value) {
    record('env', `set ${envKey(key)}`);
    target[key] = value;
    return true;
  },
  deleteProperty(target, key) {
    record('env', `delete ${envKey(key)}`);
    return delete target[key];
  },
});

function countBy(values) {
  const counts = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

function listenerCounts() {
  return Object.fromEntries(
    process.eventNames().map((event) => [String(event), process.listenerCount(event)]),
  );
}

/** Entries of `after` that outnumber those of `before`, as `name (+n)`. */
function growth(before, after) {
  return Object.entries(after)
    .filter(([name, count]) => count > (before[name] ?? 0))
    .map(([name, count]) => `${name} (+${count - (before[name] ?? 0)})`);
}

/**
 * Runs `load` (typically `() => import(url)`) with recording on; resolves to the report. Files passed in
 * `ignore` (the runner script) are treated like the probe itself when attributing calls.
 */
async function measure(load, ignore = []) {
  for (const file of ignore) state.ignoredFiles.add(file);
  const resourcesBefore = countBy(process.getActiveResourcesInfo());
  const listenersBefore = listenerCounts();
  state.recording = true;
  let error;
  try {
    await load();
  } catch (cause) {
    error = cause instanceof Error ? `${cause.name}: ${cause.message}` : String(cause);
  } finally {
    state.recording = false;
  }
  return {
    ...report,
    newActiveResources: growth(resourcesBefore, countBy(process.getActiveResourcesInfo())),
    newProcessListeners: growth(listenersBefore, listenerCounts()),
    ...(error === undefined ? {} : { importError: error }),
  };
}

Object.defineProperty(globalThis, Symbol.for('benchhub.sideEffectProbe'), { value: { measure } });
