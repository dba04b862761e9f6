import { createHash, createHmac } from 'node:crypto';

import { VALUE_FIELDS } from '../mapping/compile-row-mapper';
import { finishTuples, PersonKeys, TupleFinisher } from './finish-tuples';
import { CopyFields, rowHash, stageEncounter, tupleStart } from './staging-row';

const POSTGRES_EPOCH = BigInt(Date.UTC(2000, 0, 1));

describe('CopyFields', () => {
  it('writes a timestamptz as int64 microseconds since 2000, before and after it', () => {
    const instants = [
      0,
      -1,
      999,
      Date.UTC(2000, 0, 1),
      Date.UTC(1999, 11, 31, 23, 59, 59, 999),
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(1900, 0, 1, 0, 0, 0, 5),
      Date.UTC(9999, 11, 31, 12),
    ];
    for (let i = 0; i < 1_000; i++)
      instants.push(-1.3e12 + Math.floor(i * 5.04e9 + (i % 997) * 86_413));
    const fields = new CopyFields();
    for (const ms of instants) {
      fields.timestamp(ms);
      const field = fields.take();
      expect(field.readInt32BE(0)).toBe(8);
      expect(field.readBigInt64BE(4)).toBe(
        (BigInt(ms) - POSTGRES_EPOCH) * 1000n,
      );
    }
  });

  it('reads back a text field it wrote, UTF-8 or ASCII, short or long', () => {
    const fields = new CopyFields();
    const texts = ['Ñandú 🦤', 'DEMO-000000001', 'x'.repeat(70_000), ''];
    const offsets = texts.map((text) => {
      const offset = fields.length;
      fields.text(text);
      return offset;
    });
    expect(offsets.map((offset) => fields.textAt(offset))).toEqual(texts);
  });

  it('writes each field as its byte length and value, NULL as length -1', () => {
    const fields = new CopyFields();
    fields.count(6);
    fields.text('Ñandú 🦤');
    fields.null();
    fields.boolean(true);
    fields.integer(-42);
    fields.double(40.738);
    fields.uuid('0F1E2D3C-4b5a-6978-8796-a5b4c3d2e1f0');
    const tuple = fields.take();
    const text = Buffer.from('Ñandú 🦤');
    expect(tuple).toEqual(
      Buffer.concat([
        Buffer.from([0, 6]),
        Buffer.from([0, 0, 0, text.length]),
        text,
        Buffer.from([0xff, 0xff, 0xff, 0xff]),
        Buffer.from([0, 0, 0, 1, 1]),
        Buffer.from([0, 0, 0, 4, 0xff, 0xff, 0xff, 0xd6]),
        Buffer.from([0, 0, 0, 8]),
        (() => {
          const double = Buffer.alloc(8);
          double.writeDoubleBE(40.738);
          return double;
        })(),
        Buffer.from([0, 0, 0, 16]),
        Buffer.from('0f1e2d3c4b5a69788796a5b4c3d2e1f0', 'hex'),
      ]),
    );
  });

  it('writes text as UTF-8, ASCII or not, short or long', () => {
    const fields = new CopyFields();
    for (const text of [
      '',
      'CHECK WELFARE',
      'abcÑ',
      'é'.repeat(40),
      'a'.repeat(33),
    ]) {
      fields.text(text);
      const field = fields.take();
      expect(field.readInt32BE(0)).toBe(Buffer.byteLength(text));
      expect(field.subarray(4).toString()).toBe(text);
    }
  });

  it('grows past its first buffer and starts again after a take', () => {
    const fields = new CopyFields();
    const long = 'x'.repeat(100_000);
    fields.text(long);
    fields.text(long);
    const two = fields.take();
    expect(two.length).toBe(2 * (4 + long.length));
    expect(two.subarray(100_008).toString()).toBe(long);
    fields.integer(7);
    expect(fields.take()).toEqual(Buffer.from([0, 0, 0, 4, 0, 0, 0, 7]));
  });
});

describe('finishing staged tuples', () => {
  const start = tupleStart(
    '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
    'cad',
    '1a2b3c4d-5e6f-4a8b-9c0d-e1f2a3b4c5d6',
  );
  const people = [
    'lee\u001fann\u001f1980-02-03',
    null,
    'ñandú',
    'lee\u001fann\u001f1980-02-03',
  ];
  /** The third row gives two referrals. */
  const referralsOf = (i: number) =>
    i === 2
      ? [
          ['Harbor Clinic', 'outpatient', true],
          ['Detox Centre', null, null],
        ]
      : null;
  /** A batch's buffers with the rows staged: one per person. */
  const staged = () => {
    const batch = {
      fields: new CopyFields(true),
      marks: new CopyFields(true),
      raws: new CopyFields(),
    };
    const values = VALUE_FIELDS.map((field) =>
      field === 'occurred_at' ? Date.UTC(2024, 0, 1, 12) : null,
    );
    const rows = people.map((person, i) =>
      stageEncounter(
        {
          kind: 'encounter',
          recordId: `R-${i}`,
          values,
          areaPath: null,
          person,
          timePrecision: 'minute',
          referrals: referralsOf(i),
        },
        null,
        i + 2,
        `line ${i}`,
        batch,
        start,
      ),
    );
    return { batch, rows };
  };
  // From a row's end: its MD5 (32), time precision (4 + 6), then its person key.
  const personKeyAt = (end: number) => end - 36 - 10 - 32;

  it('keys each person and hashes each row, and no tuple holds an identity', () => {
    const { batch, rows } = staged();
    const fields = batch.fields.view(0, batch.fields.length);
    const marks = batch.marks.view(0, batch.marks.length);
    finishTuples(fields, marks, 0, marks.length, new PersonKeys('s'));
    rows.forEach((row, i) => {
      const person = people[i];
      const keyAt = personKeyAt(row.end);
      if (person === null) {
        expect(fields.readInt32BE(row.end - 36 - 10 - 4)).toBe(-1);
      } else {
        expect(fields.readInt32BE(keyAt - 4)).toBe(32);
        expect(fields.subarray(keyAt, keyAt + 32).toString('hex')).toBe(
          createHmac('sha256', 's').update(person).digest('hex'),
        );
      }
      // The MD5 of the fields from the record id to the time precision,
      // then of the referrals' text.
      expect(rowHash(batch.fields, row)).toBe(
        createHash('md5')
          .update(fields.subarray(row.start, row.end - 36))
          .update(referralsOf(i) ? JSON.stringify(referralsOf(i)) : '')
          .digest('hex'),
      );
    });
    expect(fields.includes('lee')).toBe(false);
    expect(fields.includes(Buffer.from('ñandú'))).toBe(false);
  });

  it('finishes on a worker thread as on the main thread', async () => {
    const main = staged().batch;
    const worker = staged().batch;
    finishTuples(
      main.fields.view(0, main.fields.length),
      main.marks.view(0, main.marks.length),
      0,
      main.marks.length,
      new PersonKeys('s'),
    );
    const finisher = await TupleFinisher.start('s');
    try {
      await finisher.finish(
        worker.fields.memory,
        worker.marks.memory,
        0,
        worker.marks.length,
      );
    } finally {
      await finisher.close();
    }
    expect(worker.fields.view(0, worker.fields.length)).toEqual(
      main.fields.view(0, main.fields.length),
    );
  });

  it('reports a worker that cannot finish a batch', async () => {
    const { batch } = staged();
    const finisher = await TupleFinisher.start(undefined);
    try {
      await expect(
        finisher.finish(
          batch.fields.memory,
          batch.marks.memory,
          0,
          batch.marks.length,
        ),
      ).rejects.toThrow('person keys need the deployment secret');
    } finally {
      await finisher.close();
    }
  });
});
