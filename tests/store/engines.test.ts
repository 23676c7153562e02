import { describe, expect, it } from 'vitest';
import { SERVER_URL } from './engines.js';

describe('store test engines', () => {
  it('runs on PGlite always', () => {
    expect(true).toBe(true);
  });
  it.skipIf(!SERVER_URL)(
    'also runs on a PostgreSQL server (skipped: WFM_TEST_DATABASE_URL is not set; source .ci/postgres.sh to set it)',
    () => {
      expect(SERVER_URL).toMatch(/^postgres(ql)?:\/\//);
    },
  );
});
