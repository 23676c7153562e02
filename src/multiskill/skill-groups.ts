/** A distinct skill set and the agents who have it. */
export interface DistinctSkillGroup {
  /** Queue indices, ascending. */
  skills: number[];
  /** Indices of the agents with exactly this skill set. */
  agents: number[];
}

/**
 * The skill groups of a centre: the distinct sets of queues its agents may serve, in order of first
 * appearance. O(agents x skills log skills).
 * Example: `distinctSkillGroups([[0], [1, 0], [0, 1], [2]])` gives `{ skills: [0], agents: [0] }`,
 * `{ skills: [0, 1], agents: [1, 2] }`, `{ skills: [2], agents: [3] }`.
 */
export function distinctSkillGroups(agentSkills: readonly (readonly number[])[]): DistinctSkillGroup[] {
  const byKey = new Map<string, DistinctSkillGroup>();
  agentSkills.forEach((skills, agent) => {
    const sorted = [...new Set(skills)].sort((a, b) => a - b);
    const key = sorted.join(',');
    const group = byKey.get(key);
    if (group === undefined) byKey.set(key, { skills: sorted, agents: [agent] });
    else group.agents.push(agent);
  });
  return [...byKey.values()];
}

/**
 * Connected components of queues linked by skill groups (two queues are linked when one group
 * serves both): pooling can only happen inside a component. Returns a component index per queue.
 * Union-find, O(groups x skills x alpha).
 */
export function queueComponents(queueCount: number, groupSkills: readonly (readonly number[])[]): Int32Array {
  const parent = Int32Array.from({ length: queueCount }, (_, q) => q);
  const find = (q: number): number => {
    while (parent[q] !== q) {
      parent[q] = parent[parent[q] as number] as number;
      q = parent[q] as number;
    }
    return q;
  };
  for (const skills of groupSkills) {
    const first = skills[0];
    if (first === undefined) continue;
    for (const s of skills) parent[find(s)] = find(first);
  }
  const component = new Int32Array(queueCount);
  const ids = new Map<number, number>();
  for (let q = 0; q < queueCount; q++) {
    const root = find(q);
    if (!ids.has(root)) ids.set(root, ids.size);
    component[q] = ids.get(root) as number;
  }
  return component;
}
