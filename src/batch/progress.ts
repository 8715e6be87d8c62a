/** A one-line progress bar for a terminal: households done, rate, share of the input read, ETA. */
export class Progress {
  readonly #stream: NodeJS.WriteStream;
  readonly #totalBytes: number;
  readonly #start = Date.now();
  readonly #startBytes: number;
  #last = 0;

  constructor(stream: NodeJS.WriteStream, totalBytes: number, startBytes: number) {
    this.#stream = stream;
    this.#totalBytes = Math.max(1, totalBytes);
    this.#startBytes = startBytes;
  }

  update(lines: number, bytes: number, force = false): void {
    const now = Date.now();
    if (!force && now - this.#last < 200) return;
    this.#last = now;
    const elapsed = Math.max(0.001, (now - this.#start) / 1000);
    const share = Math.min(1, bytes / this.#totalBytes);
    const rate = lines / elapsed;
    const bytesRate = (bytes - this.#startBytes) / elapsed;
    const eta = bytesRate > 0 ? (this.#totalBytes - bytes) / bytesRate : 0;
    const width = 28;
    const filled = Math.round(share * width);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(width - filled)}`;
    const fmt = (n: number) => String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ' ');
    const etaText = `${Math.floor(eta / 60)}:${String(Math.round(eta % 60)).padStart(2, '0')}`;
    this.#stream.write(`\r${bar} ${(share * 100).toFixed(1).padStart(5)} %  ${fmt(lines)} hushåll  ${fmt(rate)}/s  ETA ${etaText}   `);
  }

  done(): void {
    this.#stream.write('\n');
  }
}
