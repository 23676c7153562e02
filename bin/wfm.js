#!/usr/bin/env -S node --initial-old-space-size=128
// The `wfm` command. The TypeScript sources are compiled to dist/ by `npm install` (prepare script).
// --initial-old-space-size=128: V8 starts a full collection of the main thread's heap only once
// its old generation plus the array buffers allocated since the last one reach 128 MB, instead of
// ~35-70 MB. The service receives and sends many large bodies as buffers; with the default floor
// they kept reaching the limit and each time stopped the event loop for a mark-compact of 20-60
// ms (docs/api.md, "Overload"). Costs up to ~100 MB more resident memory. Run as
// `node bin/wfm.js ...`, pass the flag to node yourself.
import { main } from '../dist/cli/main.js';

// A reader that stops early (`wfm ... | head`) closes the pipe: the output ends quietly there.
process.stdout.on('error', (error) => {
  if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw error;
});

main(process.argv).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
