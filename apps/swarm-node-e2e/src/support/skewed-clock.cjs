// Preloaded into a node (NODE_OPTIONS=--require …/skewed-clock.cjs) to give it a wall clock that
// is off by LOCAL_SWARM_TEST_CLOCK_SKEW_MS milliseconds (positive: ahead), as on a machine whose
// clock was never synchronised. Only the wall clock moves (Date); timers and performance.now()
// keep real time, as they do on such a machine.
'use strict';
const skewMs = Number(process.env.LOCAL_SWARM_TEST_CLOCK_SKEW_MS ?? '0');
if (!Number.isFinite(skewMs)) throw new Error('LOCAL_SWARM_TEST_CLOCK_SKEW_MS must be a number of milliseconds');
const RealDate = Date;

class SkewedDate extends RealDate {
  constructor(...args) {
    if (args.length === 0) super(RealDate.now() + skewMs);
    else super(...args);
  }

  static now() {
    return RealDate.now() + skewMs;
  }
}

globalThis.Date = SkewedDate;
