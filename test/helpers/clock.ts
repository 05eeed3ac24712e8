// A clock for the component under test that the test moves forward instead of sleeping: it runs with the system
// clock (so that real signers, sockets and TOTP apps stay in step) plus the time the test has skipped.
export interface TestClock {
  /** Pass as the component's clock (startTestBroker({ clock }), SourceLimits…). */
  readonly now: () => Date;
  /** Skips `ms` forward. */
  advance(ms: number): void;
}

export function testClock(): TestClock {
  let skipped = 0;
  return {
    now: () => new Date(Date.now() + skipped),
    advance: (ms) => {
      skipped += ms;
    },
  };
}
