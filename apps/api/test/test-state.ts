import type { DatabaseHandle } from '@crosswalk/api/database';

interface State {
  server: DatabaseHandle;
  adminUrl: string;
  name: string;
  dataDir?: string;
}

const KEY = Symbol.for('crosswalk.integration');

/** Shared between Jest's global setup and teardown, which run in one process. */
export const testState = {
  set: (state: State) =>
    void ((globalThis as Record<symbol, unknown>)[KEY] = state),
  get: () => (globalThis as Record<symbol, unknown>)[KEY] as State,
};
