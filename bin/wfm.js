#!/usr/bin/env node
// The `wfm` command. The TypeScript sources are compiled to dist/ by `npm install` (prepare script).
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
