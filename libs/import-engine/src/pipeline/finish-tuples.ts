import { createHmac, createSecretKey, hash, type KeyObject } from 'node:crypto';
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import {
  isMainThread,
  parentPort,
  Worker,
  workerData,
  type WorkerOptions,
} from 'node:worker_threads';

import type * as SwcCore from '@swc/core';

/**
 * Person keys: HMAC-SHA256 of a person's identity (their normalized
 * identifier cells, as UTF-8) with the deployment secret (DOMAIN.md
 * section 6). Each is made anew: looking keys up in a cache of recent
 * people cost more than the HMACs it saved, as most people in an export
 * appear once.
 */
export class PersonKeys {
  private readonly secret: KeyObject;

  constructor(secret: string) {
    // A key object made once: from the text, each HMAC would make its own.
    this.secret = createSecretKey(Buffer.from(secret));
  }

  /** The key of the identity (UTF-8 bytes), as its 32 bytes in a latin1 string. */
  of(identity: Buffer): string {
    return createHmac('sha256', this.secret).update(identity).digest('binary'); // latin1
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
 * This runs off the main thread (TupleFinisher). Returns where
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
interface FinishRequest {
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
  private readonly waiting = new Map<
    number,
    { done: () => void; failed: (error: Error) => void }
  >();
  private next = 0;
  private failure: Error | undefined;

  /**
   * Starts the worker thread: this module, as compiled JavaScript, or from
   * TypeScript sources (a CLI, the tests) compiled here by SWC, as a
   * worker with swc-node would load TypeScript itself (some 100 MB).
   */
  static async start(
    secret: string | undefined,
    layout: TupleLayout,
  ): Promise<TupleFinisher> {
    const options: WorkerOptions = {
      workerData: { finisher: { secret, layout } } satisfies FinisherData,
      // Its heap holds only a batch's passing values.
      resourceLimits: {
        maxYoungGenerationSizeMb: 4,
        maxOldGenerationSizeMb: 32,
      },
    };
    if (extname(__filename) !== '.ts')
      return new TupleFinisher(new Worker(__filename, options));
    // Node's own require: a build tool, loaded only when running from sources.
    const swc = createRequire(__filename)('@swc/core') as typeof SwcCore;
    const { code } = await swc.transformFile(__filename, {
      swcrc: false,
      jsc: { parser: { syntax: 'typescript' }, target: 'es2022' },
      module: { type: 'commonjs' },
    });
    return new TupleFinisher(new Worker(code, { ...options, eval: true }));
  }

  private constructor(private readonly worker: Worker) {
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

/** What a TupleFinisher gives its worker thread. */
interface FinisherData {
  finisher: { secret: string | undefined; layout: TupleLayout };
}

// On a TupleFinisher's worker thread: finishes the tuples of one batch per message.
const data = workerData as Partial<FinisherData> | null;
if (!isMainThread && parentPort && data?.finisher) {
  const port = parentPort;
  const { secret, layout } = data.finisher;
  const keys = secret === undefined ? undefined : new PersonKeys(secret);
  port.on('message', (request: FinishRequest) => {
    try {
      finishTuples(
        Buffer.from(request.fields),
        request.from,
        request.to,
        Buffer.from(request.identities),
        request.identityAt,
        keys,
        layout,
      );
      port.postMessage({ id: request.id });
    } catch (error) {
      port.postMessage({ id: request.id, error: (error as Error).message });
    }
  });
}
