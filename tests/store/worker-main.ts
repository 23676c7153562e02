// Runs the `wfm` CLI from the sources (no build): `node --import tsx tests/store/worker-main.ts worker ...`.
import { main } from '../../src/cli/main.js';

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
