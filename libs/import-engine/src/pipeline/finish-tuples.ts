import { createHmac, createSecretKey, hash, type KeyObject } from 'node:crypto';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';

/**
 * Keys kept per generation: a key is looked up in the recent generation,
 * then in the one before, so the keys of the last 100,000 to 200,000
 * people read are at hand.
 */
const GENERATION = 100_000;

/**
 * Person keys: HMAC-SHA256 of a person's identity (their normalized
 * identifier cells, as UTF-8) with the deployment secret (DOMAIN.md
 * section 6). People recur (that is what repeat-encounter metrics count),
 * so the keys of those read last are kept.
 */
export class PersonKeys {
  private readonly secret: KeyObject;
  private recent = new Map<string, string>();
  private older = new Map<string, string>();

  constructor(secret: string) {
    // A key object made once: from the text, each HMAC would make its own.
    this.secret = createSecretKey(Buffer.from(secret));
  }

  /** The key of the identity (UTF-8 bytes), as its 32 bytes in a latin1 string. */
  of(identity: Buffer): string {
    const known = identity.toString('latin1');
    let key = this.recent.get(known);
    if (key !== undefined) return key;
    key =
      this.older.get(known) ??
      createHmac('sha256', this.secret).update(identity).digest('binary'); // latin1
    if (this.recent.size >= GENERATION) {
      this.older = this.recent;
      this.recent = new Map();
    }
    this.recent.set(known, key);
    return key;
  }
}

/** Where a tuple's fields are, by their index in the tuple. */
export interface TupleLayout {
  /** The first field the row hash covers (the record id). */
  firstHashed: number;
  /** The person key, a bytea of 32 bytes or NULL. */
  personKey: number;
}

/**
 * Fills in what staging left for later in the binary COPY tuples from
 * `from` to `to` of `fields`: each person key (a 32-byte field), keyed from
 * the next identity in `identities` (from `identityAt`, each an int32
 * length and UTF-8 bytes), and then each row hash (the last field, 32
 * characters): the MD5, as hex, of the fields from `firstHashed` to it.
 * This runs off the main thread (finish-tuples.worker.ts). Returns where
 * the identities it did not read start.
 */
export function finishTuples(
  fields: Buffer,
  from: number,
  to: number,
  identities: Buffer,
  identityAt: number,
  keys: PersonKeys | undefined,
  layout: TupleLayout,
): number {
  let at = from;
  while (at < to) {
    const count = fields.readInt16BE(at);
    at += 2;
    let hashedFrom = at;
    for (let i = 0; i < count; i++) {
      if (i === layout.firstHashed) hashedFrom = at;
      const length = fields.readInt32BE(at);
      if (i === count - 1) {
        fields.write(
          hash('md5', fields.subarray(hashedFrom, at), 'hex'),
          at + 4,
          'latin1',
        );
      } else if (i === layout.personKey && length === 32) {
        const bytes = identities.readInt32BE(identityAt);
        const identity = identities.subarray(
          identityAt + 4,
          identityAt + 4 + bytes,
        );
        if (!keys) throw new Error('person keys need the deployment secret');
        fields.write(keys.of(identity), at + 4, 'latin1');
        identityAt += 4 + bytes;
      }
      at += 4 + Math.max(length, 0);
    }
  }
  return identityAt;
}

/** A batch's tuples to finish: its fields and identities are shared memory. */
export interface FinishRequest {
  id: number;
  fields: SharedArrayBuffer;
  from: number;
  to: number;
  identities: SharedArrayBuffer;
  identityAt: number;
}

/**
 * finishTuples on a worker thread: HMACs and MD5s, a fifth of an import's
 * work, are done while the main thread parses the next rows. The tuples
 * are in shared memory, which the main thread leaves alone until they are
 * finished.
 */
export class TupleFinisher {
  private readonly worker: Worker;
  private readonly waiting = new Map<
    number,
    { done: () => void; failed: (error: Error) => void }
  >();
  private next = 0;
  private failure: Error | undefined;

  constructor(secret: string | undefined, layout: TupleLayout) {
    // Run from TypeScript sources (a CLI, the tests) or from compiled JavaScript.
    const extension = extname(__filename);
    this.worker = new Worker(
      join(__dirname, `finish-tuples.worker${extension}`),
      {
        workerData: { secret, layout },
        execArgv:
          extension === '.ts' ? ['--require', '@swc-node/register'] : [],
      },
    );
    this.worker.on(
      'message',
      ({ id, error }: { id: number; error?: string }) => {
        const waiting = this.waiting.get(id);
        this.waiting.delete(id);
        if (error === undefined) waiting?.done();
        else waiting?.failed(new Error(error));
      },
    );
    this.worker.on('error', (error) => this.fail(error));
    this.worker.on('exit', (code) =>
      this.fail(
        new Error(`the import's worker thread stopped (exit code ${code})`),
      ),
    );
  }

  private fail(error: Error) {
    this.failure ??= error;
    for (const { failed } of this.waiting.values()) failed(error);
    this.waiting.clear();
  }

  /** Finishes the tuples from `from` to `to` of `fields`, whose identities start at `identityAt`. */
  finish(
    fields: SharedArrayBuffer,
    from: number,
    to: number,
    identities: SharedArrayBuffer,
    identityAt: number,
  ): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const request: FinishRequest = {
      id: this.next++,
      fields,
      from,
      to,
      identities,
      identityAt,
    };
    return new Promise((done, failed) => {
      this.waiting.set(request.id, { done, failed });
      this.worker.postMessage(request);
    });
  }

  async close() {
    this.worker.removeAllListeners('exit');
    await this.worker.terminate();
  }
}
