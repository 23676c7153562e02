/**
 * The what-if result's JSON form. It lives in src/app/what-if-json.ts, since the worker threads
 * write big answers there (off the event loop); re-exported here for the CLI's writers.
 */
export { whatIfJson, type WhatIfResultJson } from '../app/what-if-json.js';
