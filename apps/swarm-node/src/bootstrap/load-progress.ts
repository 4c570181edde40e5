import { Presets, SingleBar } from 'cli-progress';

/** Reports model load progress; `update` takes node-llama-cpp's `onLoadProgress` fraction (0..1). */
export interface LoadProgress {
  update(fraction: number): void;
  /** Loading is over (loaded or failed): stop drawing so the next line starts clean. Idempotent. */
  done(): void;
}

/** Where progress goes: a terminal draws a bar, anything else gets log lines. */
export type ProgressStream = NodeJS.WritableStream & { readonly isTTY?: boolean; readonly columns?: number };

/** The part of the pino logger the log-line fallback uses. */
export interface LoadProgressLogger {
  info(fields: { readonly percent: number }, message: string): void;
}

/** Log lines (no terminal) at 0/25/50/75/100 %: enough to see progress without flooding the log. */
const LOG_STEP_PERCENT = 25;

/**
 * A progress bar for model loading on a terminal (cli-progress), and a log line every 25 % when
 * the stream is not one (a service, a pipe, CI): JSON logs must not fill with bar redraws.
 */
export function createLoadProgress(stream: ProgressStream, logger: LoadProgressLogger): LoadProgress {
  return stream.isTTY === true ? barProgress(stream) : loggedProgress(logger);
}

function clampFraction(fraction: number): number | null {
  if (Number.isNaN(fraction)) return null;
  return Math.min(1, Math.max(0, fraction));
}

function barProgress(stream: ProgressStream): LoadProgress {
  const bar = new SingleBar(
    {
      stream,
      format: 'loading model [{bar}] {percentage}% | {duration_formatted}',
      // Fixed-width percentage, so the duration does not jump as the number grows.
      autopadding: true,
      // Leave the cursor alone: a crash mid-load must not leave the terminal without one.
      hideCursor: false,
      clearOnComplete: false,
    },
    Presets.shades_classic,
  );
  let state: 'idle' | 'drawing' | 'done' = 'idle';
  return {
    update(fraction) {
      const clamped = clampFraction(fraction);
      if (clamped === null || state === 'done') return;
      if (state === 'idle') {
        bar.start(100, clamped * 100); // drawn at once; later updates redraw at most 10 times a second
        state = 'drawing';
      } else {
        bar.update(clamped * 100);
      }
    },
    done() {
      if (state === 'drawing') bar.stop();
      state = 'done';
    },
  };
}

function loggedProgress(logger: LoadProgressLogger): LoadProgress {
  let lastReported = -1;
  let finished = false;
  return {
    update(fraction) {
      const clamped = clampFraction(fraction);
      if (clamped === null || finished) return;
      const percent = Math.floor((clamped * 100) / LOG_STEP_PERCENT) * LOG_STEP_PERCENT;
      if (percent > lastReported) {
        lastReported = percent;
        logger.info({ percent }, 'model loading');
      }
    },
    done() {
      finished = true;
    },
  };
}
