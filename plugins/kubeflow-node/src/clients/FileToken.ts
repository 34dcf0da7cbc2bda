import fs from 'node:fs';

const REREAD_MS = 60_000;

/**
 * A bearer token kept in a file the kubelet rotates (a projected service account token): read at
 * most once a minute, as client-go does; the last value is kept if the file is briefly absent.
 */
export class FileToken {
  private cached?: { value: string; readAt: number };

  constructor(private readonly file: string) {}

  value(): string {
    const now = Date.now();
    if (!this.cached || now - this.cached.readAt > REREAD_MS) {
      try {
        this.cached = {
          value: fs.readFileSync(this.file, 'utf8').trim(),
          readAt: now,
        };
      } catch (error) {
        if (!this.cached) throw error;
      }
    }
    return this.cached.value;
  }
}
