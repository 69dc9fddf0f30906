// --shard i/n: one CI job of n checks the files whose path hashes to its share. A file's shard depends
// only on its path relative to the working directory, so it stays in the same shard as files come and
// go (and so does its --cache entry), and every job of the matrix agrees without talking to the others.
import { createHash } from 'node:crypto';
import * as path from 'node:path';

export interface Shard {
  /** 1-based, as CI matrices count. */
  index: number;
  count: number;
}

/** "2/4" -> { index: 2, count: 4 }; undefined when the text is not i/n with 1 <= i <= n. */
export function parseShard(text: string): Shard | undefined {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return undefined;
  const index = Number(m[1]);
  const count = Number(m[2]);
  return index >= 1 && index <= count ? { index, count } : undefined;
}

/** The shard (1-based) a file belongs to: a hash of its '/'-separated path relative to cwd, the same on every OS. */
export function shardOf(filePath: string, cwd: string, count: number): number {
  const relative = path.relative(cwd, filePath).split(path.sep).join('/');
  return (createHash('sha256').update(relative).digest().readUInt32BE(0) % count) + 1;
}

/** The files of one shard, in their original order. */
export function selectShard(files: string[], shard: Shard, cwd: string): string[] {
  return files.filter((f) => shardOf(f, cwd, shard.count) === shard.index);
}
