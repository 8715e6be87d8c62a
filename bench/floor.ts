/** Shared by the benchmarks: writing generated lines, and the JSON floor (reading, parsing and printing the same lines, no engine). */
import { closeSync, openSync, readSync, writeSync } from 'node:fs';

/** Reads the file in 1 MiB blocks, parses and stringifies every line, and writes the result. */
export function jsonFloor(input: string, output: string): number {
  const started = process.hrtime.bigint();
  const inFd = openSync(input, 'r');
  const outFd = openSync(output, 'w');
  const block = Buffer.allocUnsafe(1 << 20);
  let rest = '';
  let n = 0;
  for (;;) {
    const read = readSync(inFd, block, 0, block.length, null);
    if (read === 0) break;
    const text = rest + block.toString('utf8', 0, read);
    const parts = text.split('\n');
    rest = parts.pop()!;
    let out = '';
    for (const line of parts) {
      out += `${JSON.stringify(JSON.parse(line))}\n`;
      n++;
    }
    writeSync(outFd, out);
  }
  closeSync(inFd);
  closeSync(outFd);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  return n / seconds;
}

/** Writes lines to a file in large blocks. */
export function writeLines(path: string, source: Iterable<string>): void {
  const fd = openSync(path, 'w');
  let buffer = '';
  for (const line of source) {
    buffer += `${line}\n`;
    if (buffer.length > 1 << 22) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
}
