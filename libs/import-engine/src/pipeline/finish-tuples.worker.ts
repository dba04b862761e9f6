// The worker thread of TupleFinisher: finishes the tuples of one batch per message.
import { parentPort, workerData } from 'node:worker_threads';

import {
  type FinishRequest,
  finishTuples,
  PersonKeys,
  type TupleLayout,
} from './finish-tuples';

const { secret, layout } = workerData as {
  secret: string | undefined;
  layout: TupleLayout;
};
const keys = secret === undefined ? undefined : new PersonKeys(secret);
const port = parentPort as NonNullable<typeof parentPort>;

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
