import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The private folder (mode 0700) uploads are written to until their import
 * ends. Uploads hold case-level data, so they never land in a shared folder;
 * the folder is created on first use and removed when the API stops.
 */
export class UploadDirectory {
  private created: string | undefined;

  get path(): string {
    this.created ??= mkdtempSync(join(tmpdir(), 'crosswalk-uploads-'));
    return this.created;
  }

  remove(): void {
    if (this.created) rmSync(this.created, { recursive: true, force: true });
    this.created = undefined;
  }
}
