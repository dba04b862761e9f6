import {
  createHash,
  createHmac,
  createSecretKey,
  hash,
  type KeyObject,
} from 'node:crypto';
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

import type { CopyFields } from './staging-row';

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

/**
 * Fills in what staging left for later in the binary COPY tuples of
 * `fields`, as the entries of `marks` from `from` to `to` say (staging
 * writes one per tuple, `markTuple`): each person key (a 32-byte field),
 * keyed from the person's identity, and each row hash (the tuple's last
 * field, 32 characters): the MD5, as hex, of the tuple's fields from its
 * record id to that last one, then of its referrals' text when it has
 * any. This runs off the main thread (TupleFinisher).
 */
export function finishTuples(
  fields: Buffer,
  marks: Buffer,
  from: number,
  to: number,
  keys: PersonKeys | undefined,
): void {
  for (let at = from; at < to;) {
    const start = marks.readInt32BE(at);
    const end = marks.readInt32BE(at + 4);
    const personKeyAt = marks.readInt32BE(at + 8);
    at += 12;
    if (personKeyAt >= 0) {
      const bytes = marks.readInt32BE(at);
      if (!keys) throw new Error('person keys need the deployment secret');
      fields.write(
        keys.of(marks.subarray(at + 4, at + 4 + bytes)),
        personKeyAt,
        'latin1',
      );
      at += 4 + bytes;
    }
    const referralBytes = marks.readInt32BE(at);
    at += 4;
    const values = fields.subarray(start, end - 36);
    fields.write(
      referralBytes < 0
        ? hash('md5', values, 'hex')
        : createHash('md5')
            .update(values)
            .update(marks.subarray(at, (at += referralBytes)))
            .digest('hex'),
      end - 32,
      'latin1',
    );
  }
}

/**
 * Marks a staged tuple for finishTuples: its fields from `start` (its
 * record id) to `end` (after its row hash); when it has a person, the
 * person's `identity` (normalized identifier cells) to key into the 32
 * bytes at `personKeyAt`; and its referrals' text (null for none), which
 * its row hash covers too.
 */
export function markTuple(
  marks: CopyFields,
  start: number,
  end: number,
  identity: string | null,
  personKeyAt: number,
  referrals: string | null,
) {
  marks.int32(start);
  marks.int32(end);
  if (identity === null) marks.int32(-1);
  else {
    marks.int32(personKeyAt);
    marks.text(identity);
  }
  if (referrals === null) marks.null();
  else marks.text(referrals);
}

/** A batch's tuples to finish: its fields and marks are shared memory. */
interface FinishRequest {
  id: number;
  fields: SharedArrayBuffer;
  marks: SharedArrayBuffer;
  from: number;
  to: number;
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
  static async start(secret: string | undefined): Promise<TupleFinisher> {
    const options: WorkerOptions = {
      workerData: { finisher: { secret } } satisfies FinisherData,
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

  /** Finishes the tuples of `fields` that the marks from `from` to `to` mark. */
  finish(
    fields: SharedArrayBuffer,
    marks: SharedArrayBuffer,
    from: number,
    to: number,
  ): Promise<void> {
    if (this.failure) return Promise.reject(this.failure);
    const request: FinishRequest = { id: this.next++, fields, marks, from, to };
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
  finisher: { secret: string | undefined };
}

// On a TupleFinisher's worker thread: finishes the tuples of one batch per message.
const data = workerData as Partial<FinisherData> | null;
if (!isMainThread && parentPort && data?.finisher) {
  const port = parentPort;
  const { secret } = data.finisher;
  const keys = secret === undefined ? undefined : new PersonKeys(secret);
  port.on('message', (request: FinishRequest) => {
    try {
      finishTuples(
        Buffer.from(request.fields),
        Buffer.from(request.marks),
        request.from,
        request.to,
        keys,
      );
      port.postMessage({ id: request.id });
    } catch (error) {
      port.postMessage({ id: request.id, error: (error as Error).message });
    }
  });
}
