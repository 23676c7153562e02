import { describe, expect, it } from 'vitest';
import { runCli } from './cli-harness.js';

const C01 = ['--volume', '100', '--interval', '30', '--aht-seconds', '180'];

describe('wfm erlang', () => {
  it('solves one interval (reference case C01)', async () => {
    // ../shared/reference/erlang-cases.json C01 (Damonsoul/ErlangC, pyworkforce): 14 agents,
    // Pw 0.174131933595, ASA 7.83593701178 s, occupancy 0.714285714286, SL 0.888350019179, 20 scheduled.
    const r = await runCli(
      'erlang',
      ...C01,
      '--service-level',
      '0.8',
      '--answer-seconds',
      '20',
      '--max-occupancy',
      '0.85',
      '--shrinkage',
      '0.3',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.erlangs).toBeCloseTo(10, 12);
    expect(out.agents).toBe(14);
    expect(out.headcount).toBe(20);
    expect(out.probWait).toBeCloseTo(0.174131933595, 9);
    expect(out.asaSeconds).toBeCloseTo(7.83593701178, 7);
    expect(out.occupancy).toBeCloseTo(0.714285714286, 9);
    expect(out.serviceLevel).toBeCloseTo(0.888350019179, 9);
    expect(out.evaluated).toBe(false);
    expect(out.met).toBe(true);
    expect(out.agentsFractional).toBeGreaterThan(13);
    expect(out.agentsFractional).toBeLessThanOrEqual(14);
  });

  it('evaluates at --agents (reference case C03)', async () => {
    // ../shared/reference/erlang-cases.json C03 (Damonsoul/ErlangC README): 12 agents:
    // Pw 0.449388224298, ASA 40.4449401868 s, SL 0.640158040374.
    const r = await runCli('erlang', ...C01, '--agents', '12', '--answer-seconds', '20', '--service-level', '0.8');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.agents).toBe(12);
    expect(out.evaluated).toBe(true);
    expect(out.binding).toBe('given');
    expect(out.met).toBe(false);
    expect(out.probWait).toBeCloseTo(0.449388224298, 9);
    expect(out.asaSeconds).toBeCloseTo(40.4449401868, 7);
    expect(out.serviceLevel).toBeCloseTo(0.640158040374, 9);
  });

  it('reports an unstable interval with null ASA (JSON has no Infinity)', async () => {
    // ../shared/reference/erlang-cases.json X04: A = 10 Erlangs, 10 agents: SL 0, unstable.
    const r = await runCli('erlang', ...C01, '--agents', '10');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.unstable).toBe(true);
    expect(out.asaSeconds).toBeNull();
    expect(out.serviceLevel).toBe(0);
  });

  it('evaluates Erlang A (reference case A01)', async () => {
    // ../shared/reference/erlang-cases.json A01: 14 agents, patience 300 s: SL 0.916792091864,
    // abandonment 0.0139837441224.
    const r = await runCli(
      'erlang',
      ...C01,
      '--agents',
      '14',
      '--model',
      'erlang-a',
      '--patience-seconds',
      '300',
      '--answer-seconds',
      '20',
    );
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.serviceLevel).toBeCloseTo(0.916792091864, 9);
    expect(out.abandonRate).toBeCloseTo(0.0139837441224, 9);
  });

  it('chat with one chat per agent is Erlang A (reference case A01 again)', async () => {
    // By the model's definition an agent with j chats completes them at rate j / AHT_j; with k = 1
    // that is M/M/N+M, so ../shared/reference/erlang-cases.json A01 applies: SL 0.916792091864,
    // abandonment 0.0139837441224.
    const r = await runCli(
      'erlang',
      ...C01,
      '--agents',
      '14',
      '--model',
      'chat',
      '--chat-aht',
      '180',
      '--patience-seconds',
      '300',
      '--answer-seconds',
      '20',
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.serviceLevel).toBeCloseTo(0.916792091864, 9);
    expect(out.abandonRate).toBeCloseTo(0.0139837441224, 9);
    expect(out.abandonmentCapped).toBe(false);
    expect(out.note).toMatch(/abandonment not capped/);
  });

  it('solves chat with concurrency and an abandonment cap, meeting every target', async () => {
    const r = await runCli(
      'erlang',
      '--volume',
      '300',
      '--interval',
      '30',
      '--aht-seconds',
      '300',
      '--model',
      'chat',
      '--chat-aht',
      '300,420,560',
      '--patience-seconds',
      '120',
      '--service-level',
      '0.8',
      '--answer-seconds',
      '30',
      '--max-abandon-rate',
      '0.05',
    );
    expect(r.code, r.stderr).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.met).toBe(true);
    expect(out.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(out.abandonRate).toBeLessThanOrEqual(0.05);
    // Fewer agents than Erlangs: each agent holds up to 3 chats (A = 300 x 300 / 1800 = 50).
    expect(out.agents).toBeLessThan(50);
    const below = await runCli(
      'erlang',
      '--volume',
      '300',
      '--interval',
      '30',
      '--aht-seconds',
      '300',
      '--model',
      'chat',
      '--chat-aht',
      '300,420,560',
      '--patience-seconds',
      '120',
      '--answer-seconds',
      '30',
      '--agents',
      String(out.agents - 1),
      '--service-level',
      '0.8',
      '--max-abandon-rate',
      '0.05',
    );
    expect(JSON.parse(below.stdout).met).toBe(false);
  });

  it.each([
    [
      'a negative volume',
      ['--volume', '-1', '--interval', '30', '--aht-seconds', '180'],
      /--volume: volume must be >= 0/,
    ],
    [
      'SL outside (0, 1)',
      [...C01, '--service-level', '1.2', '--answer-seconds', '20'],
      /--service-level: serviceLevel must be in \(0, 1\)/,
    ],
    ['answer time missing', [...C01, '--service-level', '0.8'], /answerSeconds is required/],
    ['NaN', ['--volume', 'NaN', '--interval', '30', '--aht-seconds', '180'], /--volume: "NaN" is not a number/],
    ['erlang-a without patience', [...C01, '--model', 'erlang-a'], /--model|patienceSeconds/],
  ])('rejects %s with exit 2', async (_name, args, message) => {
    const r = await runCli('erlang', ...args);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });
});
