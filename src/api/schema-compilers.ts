import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import { z } from 'zod';
import { WfmError, formatPath, type WfmIssue } from '../errors.js';

const PART_NAMES: Record<string, string> = {
  body: 'request body',
  querystring: 'query string',
  params: 'URL parameters',
  headers: 'request headers',
};

/**
 * Validates each request part with its zod schema, once, at the boundary. A failure becomes a
 * `WfmError` (400 `WFM_ERR_INPUT_INVALID`) whose issues keep zod's paths as arrays
 * (`["intervals", 3, "volume"]`), so every bad field is named.
 */
export const zodValidatorCompiler: FastifySchemaCompiler<z.ZodType> = ({ schema, httpPart }) => {
  const what = PART_NAMES[httpPart ?? 'body'] ?? 'request';
  return (data: unknown) => {
    const result = schema.safeParse(data);
    if (result.success) return { value: result.data };
    const issues: WfmIssue[] = result.error.issues.slice(0, 100).map((issue) => ({
      path: issue.path.map((p) => (typeof p === 'symbol' ? String(p) : p)),
      message: issue.message,
    }));
    const first = issues[0];
    const summary = first ? `${formatPath(first.path)}: ${first.message}` : 'invalid';
    const more = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more)` : '';
    return { error: new WfmError('WFM_ERR_INPUT_INVALID', `Invalid ${what}: ${summary}${more}`, { issues }) };
  };
};

/**
 * Responses are serialized with plain `JSON.stringify`, not re-validated against their schema:
 * they come from the engine's own core, and re-parsing a 672-interval answer with zod on every
 * call would cost more than computing it. The response schemas still document the API (OpenAPI).
 * Non-finite numbers (an unstable queue's ASA) become `null`, as JSON has no Infinity.
 */
export const jsonSerializerCompiler: FastifySerializerCompiler<unknown> = () => (data: unknown) => JSON.stringify(data);

/** The error body every route answers with on failure (documented for each status). */
export const errorResponseSchema = z
  .object({
    code: z.string().describe('Stable error code, WFM_ERR_<AREA>_<WHAT> (src/errors.ts).'),
    message: z.string().describe('What went wrong, naming the field.'),
    issues: z.array(
      z.object({
        path: z
          .array(z.union([z.string(), z.number()]))
          .describe('Where in the body, e.g. ["intervals", 3, "volume"].'),
        message: z.string(),
      }),
    ),
  })
  .describe('Error');

/** The error responses documented for a route, by status. */
export function errorResponses(...statuses: number[]): Record<number, typeof errorResponseSchema> {
  const out: Record<number, typeof errorResponseSchema> = {};
  for (const s of statuses) out[s] = errorResponseSchema;
  return out;
}
