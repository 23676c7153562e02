/**
 * An error about a field inside a JSON input file says where the field is (issue 16: "Every message
 * names the file, line, column and value"): `locateJsonPath` maps an issue's path to the line and
 * column of its value. Expected positions are counted by hand from the fixture below (1-based,
 * the column of the value's first character).
 */
import { describe, expect, it } from 'vitest';
import { WfmError } from '../../src/errors.js';
import { locateJsonPath, locatingFields } from '../../src/io/json-locate.js';

const TEXT = [
  '{', // line 1
  '  "templates": [', // line 2
  '    { "name": "ft8", "starts": [] },', // line 3
  '    {', // line 4: templates[1] opens at column 5
  '      "name": "pt4",', // line 5
  '      "starts": [{ "from": "7", "to": "18:00" }]', // line 6: 6 spaces, `"starts": [{ "from": ` put the value at column 28
  '    }',
  '  ]',
  '}',
].join('\n');

describe('locateJsonPath', () => {
  it('finds a value deep inside arrays and objects', () => {
    expect(locateJsonPath(TEXT, ['templates', 1, 'starts', 0, 'from'])).toEqual({ line: 6, column: 28 });
    expect(locateJsonPath(TEXT, ['templates', 0, 'name'])).toEqual({ line: 3, column: 15 });
  });

  it('points a missing field at the object that lacks it, and gives nothing outside the file', () => {
    expect(locateJsonPath(TEXT, ['templates', 1, 'paidMinutes'])).toEqual({ line: 4, column: 5 });
    expect(locateJsonPath(TEXT, ['line', 3])).toBeUndefined();
    expect(locateJsonPath('start,agents\n', ['templates'])).toBeUndefined();
  });
});

describe('locatingFields', () => {
  const error = new WfmError('WFM_ERR_INPUT_INVALID', 'Invalid rules: templates[1].starts[0].from: not a time', {
    issues: [{ path: ['templates', 1, 'starts', 0, 'from'], message: 'not a time' }],
  });

  it('adds the line and column after the field in the message and on the issue', () => {
    const located = locatingFields(error, 'rules.json', TEXT) as WfmError;
    expect(located.message).toBe('Invalid rules: templates[1].starts[0].from (line 6, column 28): not a time');
    expect(located.issues[0]).toMatchObject({ line: 6, column: 28 });
    expect(located.code).toBe(error.code);
  });

  it('leaves CSV files and JSON syntax errors as they are', () => {
    expect(locatingFields(error, 'rules.csv', 'templates\n')).toBe(error);
    const syntax = new WfmError('WFM_ERR_INPUT_JSON', 'not valid JSON at line 2, column 3', {
      issues: [{ path: ['line', 2, 'column', 3], message: 'x' }],
    });
    expect(locatingFields(syntax, 'rules.json', TEXT)).toBe(syntax);
  });
});
