import { Writable } from 'node:stream';
import { createLoadProgress, type LoadProgressLogger } from './load-progress';

/** A writable that says it is a terminal and keeps what was written. */
class FakeTty extends Writable {
  readonly isTTY = true;
  readonly columns = 100;
  written = '';

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.written += chunk.toString();
    callback();
  }
}

/** A pipe or a file: no isTTY. */
class FakePipe extends Writable {
  written = '';

  override _write(chunk: Buffer | string, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    this.written += chunk.toString();
    callback();
  }
}

function recordingLogger(): LoadProgressLogger & { lines: { percent: number; message: string }[] } {
  const lines: { percent: number; message: string }[] = [];
  return { lines, info: (fields, message) => lines.push({ percent: fields.percent, message }) };
}

// Removes the cursor moves and line clears a terminal bar is drawn with.
// eslint-disable-next-line no-control-regex
const stripAnsi = (text: string): string => text.replace(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[78]/g, '');

describe('createLoadProgress', () => {
  describe('not on a terminal', () => {
    it('logs once per 25 % step, like the node did before the bar', () => {
      const logger = recordingLogger();
      const stream = new FakePipe();
      const progress = createLoadProgress(stream, logger);
      for (const fraction of [0, 0.1, 0.24, 0.25, 0.3, 0.6, 0.74, 0.99, 1, 1]) progress.update(fraction);
      progress.done();
      expect(logger.lines).toEqual([0, 25, 50, 75, 100].map((percent) => ({ percent, message: 'model loading' })));
      expect(stream.written).toBe('');
    });

    it('clamps out-of-range fractions, ignores NaN and anything after done()', () => {
      const logger = recordingLogger();
      const progress = createLoadProgress(new FakePipe(), logger);
      progress.update(Number.NaN);
      progress.update(-0.5);
      progress.update(0.5);
      progress.done();
      progress.update(1.5);
      progress.done();
      expect(logger.lines.map((line) => line.percent)).toEqual([0, 50]);
    });
  });

  describe('on a terminal', () => {
    it('draws a bar that ends at 100 % on its own line, and logs nothing', () => {
      const logger = recordingLogger();
      const tty = new FakeTty();
      const progress = createLoadProgress(tty, logger);
      progress.update(0.1);
      expect(stripAnsi(tty.written)).toContain('loading model [');
      expect(stripAnsi(tty.written)).toMatch(/ 10% \|/);
      progress.update(0.5);
      progress.update(1);
      progress.done();
      const text = stripAnsi(tty.written);
      expect(text).toMatch(/loading model \[█{40}\] 100% \| +\d+s\n$/);
      expect(tty.written).toContain('\u001b['); // the bar redraws in place
      expect(logger.lines).toEqual([]);

      const length = tty.written.length;
      progress.update(0.2);
      progress.done();
      expect(tty.written).toHaveLength(length); // nothing drawn after done()
    });

    it('draws nothing when loading ends before any progress', () => {
      const tty = new FakeTty();
      const progress = createLoadProgress(tty, recordingLogger());
      progress.done();
      expect(tty.written).toBe('');
    });
  });
});
