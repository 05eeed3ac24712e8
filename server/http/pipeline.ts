// Named request steps composed per route, as node-oidc-provider builds its endpoints: each step does one job on a
// typed request state and calls next() to go on (or throws, or returns without it, to stop). A step that wraps
// the rest (error rendering, the audit record) awaits next() inside its try.
import type { Context } from 'koa';

export type Step<S> = (ctx: Context, state: S, next: () => Promise<void>) => Promise<void>;

/** The steps in order, as one handler; the step names are the functions' names (for logs and tests). */
export function compose<S>(steps: readonly Step<S>[]): (ctx: Context, state: S) => Promise<void> {
  return function run(ctx, state) {
    const dispatch = (i: number): Promise<void> => (i < steps.length ? steps[i](ctx, state, () => dispatch(i + 1)) : Promise.resolve());
    return dispatch(0);
  };
}
