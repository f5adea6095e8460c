/**
 * Child process of the SQLite busy tests: opens the database file with its own better-sqlite3 handle,
 * takes the write lock (`BEGIN IMMEDIATE`), prints `locked`, and commits (printing `released`) after
 * `holdMs` milliseconds, or when `release` arrives on stdin when `holdMs` is `stdin`.
 *
 * Usage: node --import tsx fault-lock-holder.ts <database file> <holdMs | stdin>
 */
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';

const [filename, hold] = process.argv.slice(2);
if (filename === undefined || hold === undefined) {
  console.error('usage: fault-lock-holder.ts <database file> <holdMs | stdin>');
  process.exit(2);
}
const db = new Database(filename, { timeout: 10_000 });
db.pragma('journal_mode = WAL');
db.exec('BEGIN IMMEDIATE');
console.log('locked');

const release = () => {
  db.exec('COMMIT');
  db.close();
  console.log('released');
  process.exit(0);
};
if (hold === 'stdin') {
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line.trim() === 'release') release();
  });
} else {
  setTimeout(release, Number(hold));
}
