import { CopyFields } from './staging-row';

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
    fields.count(7);
    fields.text('Ñandú 🦤');
    fields.null();
    fields.boolean(true);
    fields.integer(-42);
    fields.double(40.738);
    fields.uuid('0F1E2D3C-4b5a-6978-8796-a5b4c3d2e1f0');
    fields.hex('ff00');
    const tuple = fields.take();
    const text = Buffer.from('Ñandú 🦤');
    expect(tuple).toEqual(
      Buffer.concat([
        Buffer.from([0, 7]),
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
        Buffer.from([0, 0, 0, 2, 0xff, 0]),
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
